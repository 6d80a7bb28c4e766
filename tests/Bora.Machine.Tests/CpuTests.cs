using Bora.Hal;

namespace Bora.Machine.Tests;

public sealed class CpuTests
{
    private static readonly BoardMemoryMap s_map = new(
    [
        new MemoryMapEntry("flash", new AddressRange(0x0000_0000, 0x0010_0000), MemoryKind.Rom),
        new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2004_0000), MemoryKind.Ram),
        new MemoryMapEntry("reserved", new AddressRange(0x3000_0000, 0x3000_1000), MemoryKind.RazWi),
    ]);

    private static (Cpu Cpu, FenceModel Model) Create(uint fenceStart = 0x2001_0000, uint fenceEnd = 0x2001_00FF)
    {
        var bus = new SystemBus(s_map);
        var model = new FenceModel(fenceStart, fenceEnd);
        return (new Cpu(bus, model), model);
    }

    [Test]
    public void ReadWrite_RoundTripsThroughLazilyAllocatedPages()
    {
        (Cpu cpu, _) = Create();
        Assert.That(cpu.Bus.Memory.AllocatedPages, Is.Zero);
        cpu.WriteUInt32(0x2000_1000, 0xDEADBEEF);
        cpu.WriteUInt16(0x2000_1004, 0x1234);
        cpu.WriteByte(0x2000_1006, 0x56);
        cpu.WriteUInt64(0x2000_1008, 0x0102030405060708);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.ReadUInt32(0x2000_1000), Is.EqualTo(0xDEADBEEF));
            Assert.That(cpu.ReadUInt16(0x2000_1004), Is.EqualTo(0x1234));
            Assert.That(cpu.ReadByte(0x2000_1006), Is.EqualTo(0x56));
            Assert.That(cpu.ReadUInt64(0x2000_1008), Is.EqualTo(0x0102030405060708));
            Assert.That(cpu.Bus.Memory.AllocatedPages, Is.EqualTo(1));
        });
    }

    [Test]
    public void UserStoreIntoFence_FaultsAtFirstDeniedByte_AndWritesNothing()
    {
        (Cpu cpu, _) = Create();
        cpu.State.Privilege = Privilege.User;
        cpu.WriteUInt32(0x2000_FFFC, 0x11111111);
        var ex = Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(0x2000_FFFE, 0xAABBCCDD));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Fault.FaultAddress, Is.EqualTo(0x2001_0000));
            Assert.That(ex.Fault.Access.Address, Is.EqualTo(0x2000_FFFE));
            Assert.That(cpu.ReadUInt32(0x2000_FFFC), Is.EqualTo(0x11111111), "no partial write");
        });
    }

    [Test]
    public void CachedWindow_IsDroppedWhenTheModelInvalidates()
    {
        (Cpu cpu, FenceModel model) = Create();
        cpu.State.Privilege = Privilege.User;
        cpu.ReadUInt32(0x2002_0000);
        int before = model.Decisions;
        cpu.ReadUInt32(0x2002_0004);
        Assert.That(model.Decisions, Is.EqualTo(before), "second read in the window is served from the cache");

        model.Move(0x2002_0000, 0x2002_00FF);
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(0x2002_0004));
    }

    [Test]
    public void PrivilegeChange_IsNotServedFromAWindowCachedAtAnotherPrivilege()
    {
        (Cpu cpu, _) = Create();
        cpu.ReadUInt32(0x2001_0000);
        cpu.State.Privilege = Privilege.User;
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(0x2001_0004));
    }

    [Test]
    public void UnmappedAccess_IsABusFault()
    {
        (Cpu cpu, _) = Create();
        var ex = Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(0x5000_0000));
        Assert.That(ex!.Fault.Class, Is.EqualTo(FaultClass.Bus));
    }

    [Test]
    public void StoreToRom_IsABusFault_LoadIsAllowed()
    {
        (Cpu cpu, _) = Create();
        cpu.Bus.Memory.WriteUInt32(0x100, 0xCAFEF00D);
        Assert.That(cpu.ReadUInt32(0x100), Is.EqualTo(0xCAFEF00D));
        var ex = Assert.Throws<MachineFaultException>(() => cpu.WriteUInt32(0x100, 1));
        Assert.That(ex!.Fault.Class, Is.EqualTo(FaultClass.Bus));
    }

    [Test]
    public void RazWiWindow_ReadsZeroAndIgnoresWrites()
    {
        (Cpu cpu, _) = Create();
        cpu.WriteUInt32(0x3000_0010, 0xFFFFFFFF);
        Assert.That(cpu.ReadUInt32(0x3000_0010), Is.Zero);
    }

    [Test]
    public void BlockCopy_CrossingPages_IsCheckedAsOneAccess()
    {
        (Cpu cpu, _) = Create();
        byte[] data = [.. Enumerable.Range(0, 6000).Select(i => (byte)i)];
        cpu.WriteBlock(0x2000_0F00, data);
        byte[] back = new byte[data.Length];
        cpu.ReadBlock(0x2000_0F00, back);
        Assert.That(back, Is.EqualTo(data));

        cpu.State.Privilege = Privilege.User;
        Assert.Throws<MachineFaultException>(() => cpu.WriteBlock(0x2000_FF00, data));
        Assert.That(cpu.ReadByte(0x2000_FF00), Is.Zero, "a faulting block store writes nothing");
    }

    [Test]
    public void AccessWrappingTheAddressSpace_FaultsInsteadOfWrapping()
    {
        (Cpu cpu, _) = Create();
        Assert.Throws<MachineFaultException>(() => cpu.ReadUInt32(0xFFFF_FFFE));
    }

    [Test]
    public void CString_StopsAtNulOrMaximum()
    {
        (Cpu cpu, _) = Create();
        cpu.WriteBlock(0x2000_2000, "hello\0world"u8);
        Assert.Multiple(() =>
        {
            Assert.That(cpu.ReadCString(0x2000_2000, 64), Is.EqualTo("hello"));
            Assert.That(cpu.ReadCString(0x2000_2000, 3), Is.EqualTo("hel"));
        });
    }

    [Test]
    public void EachAccess_AdvancesTheCycleCounter_AndFiresThePollPoint()
    {
        (Cpu cpu, _) = Create();
        var poller = new CountingPoller();
        cpu.PollHandler = poller;
        cpu.SetPollDeadline(cpu.Cycles + 10);
        for (int i = 0; i < 20; i++)
        {
            cpu.ReadUInt32(0x2000_0000);
        }

        Assert.Multiple(() =>
        {
            Assert.That(cpu.Cycles, Is.EqualTo(20 * AccessCosts.Default.Load));
            Assert.That(poller.Polls, Is.EqualTo(1));
        });
    }

    [Test]
    public void TryWrite_ReturnsTheFaultInsteadOfRaisingIt()
    {
        (Cpu cpu, _) = Create();
        FaultRecord? fault = cpu.TryWrite(0x2001_0010, 4, AccessKind.StackPush, Privilege.User, 7);
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.Not.Null);
            Assert.That(fault!.Access.Kind, Is.EqualTo(AccessKind.StackPush));
            Assert.That(cpu.TryWrite(0x2001_0010, 4, AccessKind.StackPush, Privilege.Supervisor, 7), Is.Null);
        });
    }

    private sealed class CountingPoller : IPollHandler
    {
        public int Polls { get; private set; }

        public void Poll(Cpu cpu)
        {
            Polls++;
            cpu.SetPollDeadline(ulong.MaxValue);
        }
    }
}
