using Bora.Hal;

namespace Bora.Machine.Tests;

/// <summary>
/// Stack pushes and pops at an explicit privilege (exception entry and return) are served from their own
/// cached windows; a window never answers for another privilege, another status word, or after the model
/// invalidated it.
/// </summary>
public sealed class StackWindowTests
{
    private const uint StatusStackCheck = 1u << 14;

    private static readonly BoardMemoryMap s_map = new(
    [
        new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2004_0000), MemoryKind.Ram),
        new MemoryMapEntry("mmio", new AddressRange(0x4000_0000, 0x4000_1000), MemoryKind.Mmio),
    ]);

    private static (Cpu Cpu, FenceModel Model) Create()
    {
        var model = new FenceModel(0x2001_0000, 0x2001_0FFF);
        var cpu = new Cpu(new SystemBus(s_map), model);
        model.StackCheckEnabled = () => (cpu.State.Status & StatusStackCheck) != 0;
        return (cpu, model);
    }

    [Test]
    public void PushesAndPops_InOneWindow_AreDecidedOnce_AndRoundTrip()
    {
        (Cpu cpu, FenceModel model) = Create();
        for (uint i = 0; i < 8; i++)
        {
            Assert.That(cpu.TryWriteWord(0x2000_8000 + (4 * i), 0x100 + i, AccessKind.StackPush, Privilege.Supervisor), Is.Null);
        }

        int afterPushes = model.Decisions;
        var popped = new uint[8];
        for (uint i = 0; i < 8; i++)
        {
            Assert.That(cpu.TryReadWord(0x2000_8000 + (4 * i), AccessKind.StackPop, Privilege.Supervisor, out popped[i]), Is.Null);
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterPushes, Is.EqualTo(1), "one decision for eight pushes");
            Assert.That(model.Decisions, Is.EqualTo(2), "one decision for eight pops");
            Assert.That(popped, Is.EqualTo(new uint[] { 0x100, 0x101, 0x102, 0x103, 0x104, 0x105, 0x106, 0x107 }));
            Assert.That(cpu.ReadUInt32(0x2000_8008), Is.EqualTo(0x102u), "pushes reached memory");
        });
    }

    [Test]
    public void PushWindow_FilledAsSupervisor_DoesNotServeAUserPush()
    {
        (Cpu cpu, _) = Create();
        Assert.That(cpu.TryWriteWord(0x2001_0000, 1, AccessKind.StackPush, Privilege.Supervisor), Is.Null);
        FaultRecord? fault = cpu.TryWriteWord(0x2001_0004, 2, AccessKind.StackPush, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.Not.Null);
            Assert.That(fault!.FaultAddress, Is.EqualTo(0x2001_0004u));
            Assert.That(cpu.ReadUInt32(0x2001_0004), Is.Zero, "the denied push wrote nothing");
        });
    }

    [Test]
    public void PopWindow_DoesNotServeAfterTheStatusWordChanges()
    {
        (Cpu cpu, FenceModel model) = Create();
        model.StackLimit = 0x2000_8000;
        Assert.That(cpu.TryReadWord(0x2000_7000, AccessKind.StackPop, Privilege.Supervisor, out _), Is.Null, "stack checking off");
        cpu.State.Status |= StatusStackCheck;
        FaultRecord? fault = cpu.TryReadWord(0x2000_7004, AccessKind.StackPop, Privilege.Supervisor, out _);
        Assert.That(fault?.FaultAddress, Is.EqualTo(0x2000_7004u), "stack checking on: the cached window no longer holds");
    }

    [Test]
    public void PushWindow_IsDroppedWhenTheModelInvalidates()
    {
        (Cpu cpu, FenceModel model) = Create();
        Assert.That(cpu.TryWriteWord(0x2002_0000, 1, AccessKind.StackPush, Privilege.User), Is.Null);
        model.Move(0x2002_0000, 0x2002_0FFF);
        Assert.That(cpu.TryWriteWord(0x2002_0004, 2, AccessKind.StackPush, Privilege.User)?.FaultAddress, Is.EqualTo(0x2002_0004u));
    }

    [Test]
    public void PushToMmio_IsStillABusFault()
    {
        (Cpu cpu, _) = Create();
        FaultRecord? fault = cpu.TryWriteWord(0x4000_0000, 1, AccessKind.StackPush, Privilege.Supervisor);
        Assert.That(fault?.Class, Is.EqualTo(FaultClass.Bus));
    }
}
