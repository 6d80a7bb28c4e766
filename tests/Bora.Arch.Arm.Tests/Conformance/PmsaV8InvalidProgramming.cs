using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

/// <summary>PMSAv8 UNPREDICTABLE and reserved programming, with Bora's documented outcome (docs/arm-mpu.md).</summary>
internal static class PmsaV8InvalidProgramming
{
    private const uint Base = 0x3814_0000;

    public static IEnumerable<InvalidProgrammingCase> Cases =>
    [
        new("RLAR LIMIT below RBAR BASE: the region matches nothing",
            h => Arm(h).V8Region(4, (Base + 0x1000) | 0x03, Base | (1 << 1) | 1),
            [(User(AccessKind.Read, Base + 0x1000), false), (User(AccessKind.Read, Base), false), (Supervisor(AccessKind.Read, Base + 0x1000), true)]),
        new("RBAR SH=0b01 (reserved): treated as non-shareable, permissions unaffected",
            h => Arm(h).V8Region(4, Base | 0x08 | 0x03, (Base + 0xFE0) | (1 << 1) | 1),
            [(User(AccessKind.Read, Base), true), (User(AccessKind.Write, Base + 0xFFC), true), (User(AccessKind.Read, Base + 0x1000), false)]),
        new("MPU_RNR beyond DREGION: the write is ignored, the next RBAR/RLAR writes go to the region selected before",
            h =>
            {
                Arm(h).V8Region(4, 0, 0);
                Arm(h).Write(ScsRegisters.MPU_RNR, 20);
                Arm(h).Write(ScsRegisters.MPU_RBAR, Base | 0x03);
                Arm(h).Write(ScsRegisters.MPU_RLAR, (Base + 0xFE0) | (1 << 1) | 1);
            },
            [(User(AccessKind.Read, Base), true)]),
        new("MAIR attribute with a reserved encoding: memory type ignored, AP/XN decide",
            h =>
            {
                Arm(h).Write(ScsRegisters.MPU_MAIR1, 0x0000_0001);
                Arm(h).V8Region(4, Base | 0x07, (Base + 0xFE0) | (4 << 1) | 1);
            },
            [(User(AccessKind.Read, Base), true), (User(AccessKind.Write, Base), false)]),
    ];

    private static ArmMachine Arm(ProtectionHarness harness) => ((ArmProtectionHarness)harness).Arm;

    private static MemoryAccess User(AccessKind kind, uint address) => new(address, 4, kind, Privilege.User);

    private static MemoryAccess Supervisor(AccessKind kind, uint address) => new(address, 4, kind, Privilege.Supervisor);
}
