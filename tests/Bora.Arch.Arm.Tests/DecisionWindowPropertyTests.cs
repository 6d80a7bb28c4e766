namespace Bora.Arch.Arm.Tests;

/// <summary>
/// Randomised (seeded, deterministic) check that every window the model returns is correct — each
/// address in it gets the same answer from the per-address algorithm — and maximal — the addresses
/// just outside it get the other answer.
/// </summary>
public sealed class DecisionWindowPropertyTests
{
    private static readonly (AccessKind Kind, Privilege Privilege)[] s_accesses =
    [
        (AccessKind.Read, Privilege.User), (AccessKind.Write, Privilege.User), (AccessKind.Execute, Privilege.User),
        (AccessKind.Read, Privilege.Supervisor), (AccessKind.Write, Privilege.Supervisor), (AccessKind.Execute, Privilege.Supervisor),
    ];

    [TestCase(ArmMpuVersion.PmsaV7, 1)]
    [TestCase(ArmMpuVersion.PmsaV7, 2)]
    [TestCase(ArmMpuVersion.PmsaV8, 1)]
    [TestCase(ArmMpuVersion.PmsaV8, 2)]
    public void Windows_AreCorrectAndMaximal_OnRandomConfigurations(ArmMpuVersion version, int seed)
    {
        var random = new Random(seed);
        for (int config = 0; config < 60; config++)
        {
            ArmMachine m = version == ArmMpuVersion.PmsaV7 ? ExampleBoards.CortexM4() : ExampleBoards.CortexM33();
            if (version == ArmMpuVersion.PmsaV7)
            {
                ProgramRandomV7(m, random);
            }
            else
            {
                ProgramRandomV8(m, random);
            }

            m.Write(ScsRegisters.MPU_CTRL, (uint)random.Next(8));
            for (int probe = 0; probe < 60; probe++)
            {
                uint address = HotAddress(random);
                (AccessKind kind, Privilege privilege) = s_accesses[random.Next(s_accesses.Length)];
                CheckWindow(m.Mpu, address, kind, privilege, random);
            }
        }
    }

    private static void CheckWindow(ArmMpu mpu, uint address, AccessKind kind, Privilege privilege, Random random)
    {
        AccessRights needed = AccessRightsExtensions.Needed(kind, privilege);
        bool Allowed(uint a) => ScsRegisters.IsPpb(a)
            ? kind != AccessKind.Execute
            : (mpu.Resolve(a).Rights & needed) != 0;

        AccessDecision d = mpu.Decide(address, kind, privilege);
        string what = $"{privilege} {kind} at 0x{address:X8}: window [0x{d.WindowStart:X8}, 0x{d.WindowEnd:X8}] {(d.IsAllowed ? "allowed" : "denied")}";
        Assert.That(address, Is.InRange(d.WindowStart, d.WindowEnd), what);
        Assert.That(Allowed(address), Is.EqualTo(d.IsAllowed), what);
        uint[] inside =
        [
            d.WindowStart, d.WindowEnd, (uint)(d.WindowStart + ((ulong)d.WindowEnd - d.WindowStart) / 2),
            (uint)(d.WindowStart + (ulong)(random.NextDouble() * ((ulong)d.WindowEnd - d.WindowStart))),
        ];
        foreach (uint a in inside)
        {
            Assert.That(Allowed(a), Is.EqualTo(d.IsAllowed), $"{what}: 0x{a:X8} inside disagrees");
        }

        if (!ScsRegisters.IsPpb(address))
        {
            if (d.WindowStart > 0 && !ScsRegisters.IsPpb(d.WindowStart - 1))
            {
                Assert.That(Allowed(d.WindowStart - 1), Is.Not.EqualTo(d.IsAllowed), $"{what}: not maximal below");
            }

            if (d.WindowEnd < uint.MaxValue && !ScsRegisters.IsPpb(d.WindowEnd + 1))
            {
                Assert.That(Allowed(d.WindowEnd + 1), Is.Not.EqualTo(d.IsAllowed), $"{what}: not maximal above");
            }
        }
    }

    private static uint HotAddress(Random random) => random.Next(4) switch
    {
        0 => (uint)random.NextInt64(0, 1L << 32),
        1 => 0x2000_0000u + (uint)random.Next(0x4_0000),
        2 => 0x0000_0000u + (uint)random.Next(0x8_0000),
        _ => 0xDFFF_0000u + (uint)random.Next(0x2_0000),
    };

    private static uint HotBase(Random random) => random.Next(3) switch
    {
        0 => 0x2000_0000u + (uint)random.Next(0x4_0000),
        1 => (uint)random.Next(0x8_0000),
        _ => (uint)random.NextInt64(0, 1L << 32),
    };

    private static void ProgramRandomV7(ArmMachine m, Random random)
    {
        for (uint n = 0; n < 8; n++)
        {
            int sizeField = random.Next(10) == 0 ? random.Next(4, 32) : random.Next(4, 16);
            ulong size = 1UL << (sizeField + 1);
            uint rbar = sizeField == 31 ? 0 : (uint)(HotBase(random) & ~(size - 1));
            uint rasr = (uint)(random.Next(2) << 28) | (uint)(random.Next(8) << 24) | (uint)(random.Next(3) == 0 ? random.Next(256) << 8 : 0)
                | ((uint)sizeField << 1) | (uint)(random.Next(4) == 0 ? 0 : 1);
            m.V7Region(n, rbar, rasr);
        }
    }

    private static void ProgramRandomV8(ArmMachine m, Random random)
    {
        for (uint n = 0; n < 8; n++)
        {
            uint start = HotBase(random) & ~0x1Fu;
            uint length = random.Next(4) == 0 ? (uint)random.Next(0x1000_0000) : (uint)random.Next(0x2000);
            uint limit = (uint)Math.Min(uint.MaxValue, (ulong)start + length) & ~0x1Fu;
            if (random.Next(10) == 0)
            {
                limit = start - 0x20; // LIMIT < BASE
            }

            uint rbar = start | (uint)(random.Next(4) << 1) | (uint)random.Next(2);
            uint rlar = limit | (uint)(random.Next(4) == 0 ? 0 : 1);
            m.V8Region(n, rbar, rlar);
        }
    }
}
