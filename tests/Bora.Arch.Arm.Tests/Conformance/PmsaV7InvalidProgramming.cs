using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

/// <summary>
/// PMSAv7 UNPREDICTABLE and reserved programming, with Bora's documented outcome (docs/arm-mpu.md):
/// arch-spec §2.2's defaults, which follow QEMU.
/// </summary>
internal static class PmsaV7InvalidProgramming
{
    private const uint Base = 0x2014_0000;

    public static IEnumerable<InvalidProgrammingCase> Cases =>
    [
        new("RASR SIZE below 4 with ENABLE: the region is ignored",
            h => Arm(h).V7Region(4, Base, 0x130B_0000 | (2 << 1) | 1),
            [(User(AccessKind.Read, Base), false), (Supervisor(AccessKind.Read, Base), true)]),
        new("SRD on a 128-byte region: SRD is ignored, the whole region applies",
            h => Arm(h).V7Region(4, Base, 0x130B_FF00 | (6 << 1) | 1),
            [(User(AccessKind.Read, Base), true), (User(AccessKind.Write, Base + 0x7C), true), (User(AccessKind.Read, Base + 0x80), false)]),
        new("RBAR base not aligned to the region size: the region is ignored",
            h => Arm(h).V7Region(4, Base + 0x800, 0x130B_0000 | (11 << 1) | 1),
            [(User(AccessKind.Read, Base + 0x800), false), (User(AccessKind.Read, Base + 0x1000), false)]),
        new("AP=0b100 (reserved): no access at any privilege",
            h => Arm(h).V7Region(4, Base, 0x140B_0000 | (11 << 1) | 1),
            [(Supervisor(AccessKind.Read, Base), false), (Supervisor(AccessKind.Write, Base), false), (User(AccessKind.Read, Base), false)]),
        new("MPU_RNR beyond DREGION: the write is ignored, the next RASR write goes to the region selected before",
            h =>
            {
                Arm(h).V7Region(4, Base, 0);
                Arm(h).Write(ScsRegisters.MPU_RNR, 12);
                Arm(h).Write(ScsRegisters.MPU_RASR, 0x130B_0000 | (11 << 1) | 1);
            },
            [(User(AccessKind.Read, Base), true)]),
    ];

    private static ArmMachine Arm(ProtectionHarness harness) => ((ArmProtectionHarness)harness).Arm;

    private static MemoryAccess User(AccessKind kind, uint address) => new(address, 4, kind, Privilege.User);

    private static MemoryAccess Supervisor(AccessKind kind, uint address) => new(address, 4, kind, Privilege.Supervisor);
}
