namespace Bora.Arch.Arm.Tests;

/// <summary>Decisions come with maximal-but-correct windows, so that the CPU's cache hits almost always.</summary>
public sealed class DecisionWindowTests
{
    [Test]
    public void V7_Window_SpansTheWholeRegion_UpToATinyNeighbour()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.V7Region(1, 0x2000_0000, 0x110B_0023);        // SRAM P_RW_U_NA
        m.V7Region(2, 0x2001_0000, 0x130B_001F);        // 64 KiB P_RW_U_RW buffer
        m.V7Region(3, 0x2002_0000, 0x100B_0009);        // 32 B P_NA_U_NA right after it
        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        AccessDecision d = m.Mpu.Decide(0x2001_8000, AccessKind.Read, Privilege.User);
        AccessDecision tiny = m.Mpu.Decide(0x2002_0000, AccessKind.Read, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That((d.IsAllowed, d.WindowStart, d.WindowEnd), Is.EqualTo((true, 0x2001_0000u, 0x2001_FFFFu)));
            Assert.That((tiny.IsAllowed, tiny.WindowStart), Is.EqualTo((false, 0x2002_0000u)));
            Assert.That(tiny.WindowEnd, Is.EqualTo(0xDFFF_FFFFu), "the tiny region, R1 and the background all deny the user up to the PPB");
        });
    }

    [Test]
    public void V7_Window_IsClippedByDisabledSubregionsAndHigherRegions()
    {
        ArmMachine m = ExampleBoards.CortexM4();
        m.V7Region(1, 0x2000_0000, 0x110B_0023);
        m.V7Region(2, 0x2002_0000, 0x130B_0219);        // 8 KiB, subregion 1 (0x400..0x7FF) disabled
        m.V7Region(3, 0x2002_1000, 0x160B_0013);        // 1 KiB P_RO_U_RO inside it
        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        AccessDecision write = m.Mpu.Decide(0x2002_0900, AccessKind.Write, Privilege.User);
        AccessDecision read = m.Mpu.Decide(0x2002_0900, AccessKind.Read, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That((write.WindowStart, write.WindowEnd), Is.EqualTo((0x2002_0800u, 0x2002_0FFFu)));
            Assert.That((read.WindowStart, read.WindowEnd), Is.EqualTo((0x2002_0800u, 0x2002_1FFFu)), "reads are allowed in R3 and in R2 above it too");
        });
    }

    [Test]
    public void V8_Window_EndsAtTheInclusiveLimit()
    {
        ArmMachine m = ExampleBoards.CortexM33();
        m.V8Region(2, 0x2001_0003, 0x2001_0103);
        m.Write(ScsRegisters.MPU_CTRL, 0x5);
        AccessDecision d = m.Mpu.Decide(0x2001_0000, AccessKind.Read, Privilege.User);
        Assert.That((d.WindowStart, d.WindowEnd), Is.EqualTo((0x2001_0000u, 0x2001_011Fu)));
    }

    [TestCase(ArmMpuVersion.PmsaV7)]
    [TestCase(ArmMpuVersion.PmsaV8)]
    public void CheckedLoadLoop_Over64KiB_NextToA32ByteRegion_AsksTheModelOncePerPage(ArmMpuVersion version)
    {
        CountingMpu? counter = null;
        Board board = version == ArmMpuVersion.PmsaV7 ? ArmBoards.Mps2An385 : ArmBoards.Mps2An505;
        var machine = new Bora.Machine.Machine(board, bus =>
            counter = new CountingMpu(version == ArmMpuVersion.PmsaV7 ? new PmsaV7Mpu(bus) : new PmsaV8Mpu(bus)));
        Cpu cpu = machine.Cpu;
        uint buffer = version == ArmMpuVersion.PmsaV7 ? 0x2001_0000u : 0x2801_0000u;
        Write(cpu, ScsRegisters.SHCSR, 0x0007_0000);
        if (version == ArmMpuVersion.PmsaV7)
        {
            Region(cpu, 2, buffer, 0x130B_001F);                 // 64 KiB P_RW_U_RW
            Region(cpu, 3, buffer + 0x1_0000, 0x100B_0009);      // 32 B P_NA_U_NA right after
        }
        else
        {
            Region(cpu, 2, buffer | 0x03, (buffer + 0xFFE0) | 0x3);
            Region(cpu, 3, (buffer + 0x1_0000) | 0x05, (buffer + 0x1_0000) | 0x3);
        }

        Write(cpu, ScsRegisters.MPU_CTRL, 0x5);
        cpu.State.Privilege = Privilege.User;
        int before = counter!.Decisions;
        uint sum = 0;
        for (uint a = buffer; a < buffer + 0x1_0000; a += 4)
        {
            sum += cpu.ReadUInt32(a);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sum, Is.Zero);
            // The CPU asks twice per miss (check, then translate), and misses once per 4 KiB page.
            Assert.That(counter.Decisions - before, Is.LessThanOrEqualTo(2 * 16), "one miss per 4 KiB page at most");
            Assert.That(() => cpu.ReadUInt32(buffer + 0x1_0000), Throws.TypeOf<MachineFaultException>());
        });
    }

    private static void Write(Cpu cpu, uint address, uint value) =>
        Assert.That(cpu.TryWrite(address, 4, AccessKind.Write, Privilege.Supervisor, value), Is.Null);

    private static void Region(Cpu cpu, uint index, uint rbar, uint attributes)
    {
        Write(cpu, ScsRegisters.MPU_RNR, index);
        Write(cpu, ScsRegisters.MPU_RBAR, rbar);
        Write(cpu, ScsRegisters.MPU_RASR, attributes);
    }

    /// <summary>Counts the decisions the CPU asks of the model.</summary>
    private sealed class CountingMpu(ArmMpu inner) : IProtectionModel
    {
        public int Decisions { get; private set; }

        public ArchId Arch => inner.Arch;

        public IReadOnlyList<InvalidProgramming> InvalidProgramming => inner.InvalidProgramming;

        public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
        {
            Decisions++;
            return inner.Decide(address, kind, privilege);
        }

        public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision) =>
            inner.RaiseFault(access, faultingAddress, decision);

        public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) => inner.RaiseBusFault(access, faultingAddress);

        public void ClearFaultStatus() => inner.ClearFaultStatus();

        public void AttachDecisionCache(Action invalidate) => inner.AttachDecisionCache(invalidate);
    }
}
