namespace Bora.Arch.Arc;

/// <summary>
/// How an ARC decision encodes, in <see cref="Bora.Hal.AccessDecision.Detail"/>, what decided it:
/// bits [7:0] the region (0xFF the default region, as MPU_ECR.REGION spells it), bit 8 an overlap of
/// v4 regions (machine check), bit 9 a stack-checking violation.
/// </summary>
internal static class DecisionDetail
{
    public const int DefaultRegion = 0xFF;
    public const int MachineCheckFlag = 0x100;
    public const int StackCheckFlag = 0x200;

    public static int Region(int detail) => detail & 0xFF;

    public static bool IsMachineCheck(int detail) => (detail & MachineCheckFlag) != 0;

    public static bool IsStackCheck(int detail) => (detail & StackCheckFlag) != 0;
}
