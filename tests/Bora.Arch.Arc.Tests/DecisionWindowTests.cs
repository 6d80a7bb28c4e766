using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// Decision windows: as wide as correct. Every byte of a window gets the window's answer (and, when
/// denied, the same region), the bytes just outside it answer differently, and a window inside a region
/// is clipped by every lower-index region that overlaps it.
/// </summary>
public sealed class DecisionWindowTests
{
    private static readonly AccessKind[] s_kinds = [AccessKind.Read, AccessKind.Write, AccessKind.Execute];
    private static readonly Privilege[] s_privileges = [Privilege.Supervisor, Privilege.User];

    [Test]
    public void Decide_KernelReadInRegion14_WindowSpansTheWholeRam_AcrossLowerIndexRegionsThatAlsoAllowIt()
    {
        ArcMachine arc = ArcA.Create();
        AccessDecision d = arc.Mpu.Decide(0x8000_0100, AccessKind.Read, Privilege.Supervisor);
        Assert.Multiple(() =>
        {
            Assert.That(d.IsAllowed, Is.True);
            Assert.That(d.WindowStart, Is.EqualTo(0x8000_0000));
            Assert.That(d.WindowEnd, Is.EqualTo(0x8001_FFFF));
        });
    }

    [Test]
    public void Decide_KernelWriteInRegion14_WindowIsClippedByLowerIndexReadOnlyRegion9()
    {
        ArcMachine arc = ArcA.Create();
        AccessDecision d = arc.Mpu.Decide(0x8000_0100, AccessKind.Write, Privilege.Supervisor);
        Assert.Multiple(() =>
        {
            Assert.That(d.IsAllowed, Is.True);
            Assert.That(d.WindowStart, Is.EqualTo(0x8000_0000));
            Assert.That(d.WindowEnd, Is.EqualTo(0x8001_3FFF), "region 9 at 0x80014000 denies kernel writes");
        });
    }

    [Test]
    public void Decide_UserReadDeniedInRegion14_WindowStopsAtTheUserStackRegion12()
    {
        ArcMachine arc = ArcA.Create();
        AccessDecision d = arc.Mpu.Decide(0x8000_0100, AccessKind.Read, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That(d.IsAllowed, Is.False);
            Assert.That(d.WindowStart, Is.EqualTo(0x8000_0000));
            Assert.That(d.WindowEnd, Is.EqualTo(0x8000_FFFF));
            Assert.That(d.Detail & 0xFF, Is.EqualTo(14));
        });
    }

    [Test]
    public void Decide_MpuDisabled_AllowsTheWholeAddressSpaceInOneWindow()
    {
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions());
        AccessDecision d = arc.Mpu.Decide(0x1234_5678, AccessKind.Write, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That(d.IsAllowed, Is.True);
            Assert.That(d.WindowStart, Is.Zero);
            Assert.That(d.WindowEnd, Is.EqualTo(uint.MaxValue));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Decide_RandomV2Configurations_AgreeWithTheReference_AndWindowsAreExact(int seed)
    {
        var random = new Random(seed);
        var arc = new ArcMachine(ArcBoards.NsimEm, new ArcMpuOptions { RegionCount = 8 });
        uint[] rdb = new uint[8], rdp = new uint[8];
        for (int r = 0; r < 8; r++)
        {
            int size = random.Next(10, 18);
            uint start = 0x8000_0000 + ((uint)random.Next(0, 64) << 11);
            uint aligned = random.Next(3) == 0 ? start : start & ~((1u << (size + 1)) - 1);
            rdb[r] = aligned | (random.Next(4) == 0 ? 0u : 1u);
            rdp[r] = ((uint)random.Next(0, 64) << 3) | ArcMpuV2.EncodeSize(size + 1);
            ArcA.Region(arc, r, rdb[r], rdp[r]);
        }

        uint mpuEn = 0x4000_0000 | ((uint)random.Next(0, 64) << 3);
        arc.Aux.Write(ArcAux.MPU_EN, mpuEn);
        CheckAgainst(arc, random, 0x7FFF_0000, 0x8006_0000, (a, k, p) =>
        {
            (bool allowed, int region) = ReferenceMpu.V2(rdb, rdp, mpuEn, a, k, p);
            return (allowed, region);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Decide_RandomV4Configurations_AgreeWithTheReference_AndWindowsAreExact(int seed)
    {
        var random = new Random(seed);
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4, RegionCount = 8 });
        uint[] rstart = new uint[8], rend = new uint[8], rper = new uint[8];
        for (int r = 0; r < 8; r++)
        {
            rstart[r] = 0x8000_0000 + ((uint)random.Next(0, 256) << 5);
            rend[r] = rstart[r] + ((uint)random.Next(0, 32) << 5);
            rper[r] = ((uint)random.Next(0, 64) << 3) | (random.Next(3) == 0 ? 0u : 1u);
            arc.Aux.Write(ArcAux.MPU_INDEX, (uint)r);
            arc.Aux.Write(ArcAux.MPU_RSTART, rstart[r]);
            arc.Aux.Write(ArcAux.MPU_REND, rend[r]);
            arc.Aux.Write(ArcAux.MPU_RPER, rper[r]);
        }

        uint mpuEn = (uint)random.Next(0, 64) << 3;
        arc.Aux.Write(ArcAux.MPU_EN, mpuEn);
        CheckAgainst(arc, random, 0x7FFF_F000, 0x8000_4000, (a, k, p) =>
        {
            (bool allowed, int region, bool machineCheck) = ReferenceMpu.V4(rstart, rend, rper, mpuEn, a, k, p);
            return (allowed, machineCheck ? 0x100 | region : region);
        });
    }

    private static void CheckAgainst(ArcMachine arc, Random random, uint from, uint to, Func<uint, AccessKind, Privilege, (bool Allowed, int Detail)> reference)
    {
        Assert.Multiple(() =>
        {
            for (int probe = 0; probe < 400; probe++)
            {
                uint address = from + (uint)random.NextInt64(to - from);
                AccessKind kind = s_kinds[random.Next(s_kinds.Length)];
                Privilege privilege = s_privileges[random.Next(2)];
                AccessDecision d = arc.Mpu.Decide(address, kind, privilege);
                (bool allowed, int detail) = reference(address, kind, privilege);
                Assert.That(d.IsAllowed, Is.EqualTo(allowed), $"0x{address:X8} {kind} {privilege}");
                if (!allowed)
                {
                    Assert.That(d.Detail, Is.EqualTo(detail), $"region of 0x{address:X8}");
                }

                Assert.That(address, Is.InRange(d.WindowStart, d.WindowEnd));
                foreach (uint inside in new[] { d.WindowStart, d.WindowEnd, d.WindowStart + (uint)((d.WindowEnd - (ulong)d.WindowStart) / 2) })
                {
                    (bool a, int r) = reference(inside, kind, privilege);
                    Assert.That(a, Is.EqualTo(allowed), $"0x{inside:X8} inside the window of 0x{address:X8}");
                    if (!allowed)
                    {
                        Assert.That(r, Is.EqualTo(detail), $"0x{inside:X8} denied by the same region");
                    }
                }

                if (d.WindowStart > 0)
                {
                    (bool a, int r) = reference(d.WindowStart - 1, kind, privilege);
                    Assert.That(a != allowed || (!allowed && r != detail), Is.True, $"window of 0x{address:X8} could start lower than 0x{d.WindowStart:X8}");
                }

                if (d.WindowEnd < uint.MaxValue)
                {
                    (bool a, int r) = reference(d.WindowEnd + 1, kind, privilege);
                    Assert.That(a != allowed || (!allowed && r != detail), Is.True, $"window of 0x{address:X8} could end higher than 0x{d.WindowEnd:X8}");
                }
            }
        });
    }
}
