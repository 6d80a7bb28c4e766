using Bora.Hal;

namespace Bora.Arch.X86.Tests;

public sealed class RobustnessTests
{
    [TestCase(X86PagingMode.Pae, 1)]
    [TestCase(X86PagingMode.Pae, 2)]
    [TestCase(X86PagingMode.Paging32, 3)]
    [TestCase(X86PagingMode.Paging32, 4)]
    public void GarbageTables_AndRandomControlRegisters_NeverThrowIntoTheHost(X86PagingMode mode, int seed)
    {
        var random = new Random(seed);
        var rig = new X86Rig(mode);
        byte[] garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        rig.Memory.Write(X86Rig.PoolStart, garbage);
        int paged = 0, faults = 0;
        Assert.That(() =>
        {
            for (int i = 0; i < 4000; i++)
            {
                if (i % 200 == 0)
                {
                    uint cr4 = (uint)random.NextInt64(0, 1L << 23);
                    rig.SetCr(X86SystemRegister.Cr4, random.Next(8) == 0 ? cr4 : (cr4 & Cr4.Implemented & ~Cr4.PAE) | (mode == X86PagingMode.Pae ? Cr4.PAE : 0));
                    rig.SetCr(X86SystemRegister.Efer, (ulong)random.NextInt64(0, 1L << 12));
                    rig.SetCr(X86SystemRegister.Cr3, X86Rig.PoolStart + (uint)random.Next(0, 16 * 1024));
                    uint cr0 = (uint)random.NextInt64(0, 1L << 32);
                    rig.SetCr(X86SystemRegister.Cr0, random.Next(8) == 0 ? cr0 : cr0 | Cr0.PE | Cr0.PG | Cr0.CD);
                }

                uint address = (uint)random.NextInt64(0, 1L << 32);
                uint size = (uint)random.Next(1, 9);
                var kind = (AccessKind)random.Next(0, 5);
                Privilege privilege = random.Next(2) == 0 ? Privilege.User : Privilege.Supervisor;
                paged += rig.Mmu.PagingMode == mode ? 1 : 0;
                faults += rig.Cpu.Check(address, size, kind, privilege) is X86FaultRecord ? 1 : 0;
                if (random.Next(16) == 0)
                {
                    rig.Mmu.Invlpg(address);
                }
            }
        }, Throws.Nothing);
        Assert.Multiple(() =>
        {
            Assert.That(paged, Is.GreaterThan(400), "the walk was exercised in the mode under test");
            Assert.That(faults, Is.GreaterThan(100), "page faults were raised");
        });
    }
}
