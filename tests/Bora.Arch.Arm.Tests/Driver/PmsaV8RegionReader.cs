using Bora.Machine;

namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>Reads the enabled PMSAv8 regions back from the MPU registers, as a debugger would.</summary>
internal static class PmsaV8RegionReader
{
    /// <summary>One enabled region: its index, <c>[Base, End)</c> and the raw RBAR/RLAR.</summary>
    public readonly record struct Region(int Index, uint Base, ulong End, uint Rbar, uint Rlar)
    {
        /// <summary>RBAR.AP.</summary>
        public uint Ap => (Rbar >> 1) & 3;

        /// <summary>RBAR.XN.</summary>
        public bool Xn => (Rbar & 1) != 0;
    }

    public static List<Region> Enabled(Cpu cpu, int regionCount)
    {
        var regions = new List<Region>();
        for (int n = 0; n < regionCount; n++)
        {
            Write(cpu, ScsRegisters.MPU_RNR, (uint)n);
            uint rbar = Read(cpu, ScsRegisters.MPU_RBAR), rlar = Read(cpu, ScsRegisters.MPU_RLAR);
            if ((rlar & 1) != 0)
            {
                regions.Add(new Region(n, rbar & ~0x1Fu, (ulong)(rlar & ~0x1Fu) + 0x20, rbar, rlar));
            }
        }

        return regions;
    }

    /// <summary>Asserts that no two enabled regions share a byte (PMSAv8 faults every access to an overlap).</summary>
    public static void AssertNoOverlap(IReadOnlyList<Region> regions, string when)
    {
        for (int i = 0; i < regions.Count; i++)
        {
            for (int j = i + 1; j < regions.Count; j++)
            {
                Region a = regions[i], b = regions[j];
                Assert.That(a.Base < b.End && b.Base < a.End, Is.False, $"{when}: regions {a.Index} [0x{a.Base:X8}, 0x{a.End:X}) and {b.Index} [0x{b.Base:X8}, 0x{b.End:X}) overlap");
            }
        }
    }

    /// <summary>Asserts that the enabled regions leave no byte of <c>[start, end)</c> uncovered.</summary>
    public static void AssertCovers(IReadOnlyList<Region> regions, uint start, ulong end, string when)
    {
        ulong at = start;
        foreach (Region r in regions.Where(r => r.End > start && r.Base < end).OrderBy(r => r.Base))
        {
            Assert.That(r.Base, Is.LessThanOrEqualTo(at), $"{when}: [0x{at:X8}, 0x{r.Base:X8}) is covered by no region");
            at = Math.Max(at, r.End);
        }

        Assert.That(at, Is.GreaterThanOrEqualTo(end), $"{when}: [0x{at:X8}, 0x{end:X}) is covered by no region");
    }

    private static uint Read(Cpu cpu, uint address)
    {
        Assert.That(cpu.TryRead(address, 4, AccessKind.Read, Privilege.Supervisor, out uint value), Is.Null);
        return value;
    }

    private static void Write(Cpu cpu, uint address, uint value) =>
        Assert.That(cpu.TryWrite(address, 4, AccessKind.Write, Privilege.Supervisor, value), Is.Null);
}
