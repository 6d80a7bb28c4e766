namespace Bora.Arch.X86.Tests.Conformance;

/// <summary>The cases that do not apply to x86 paging, with the reason from the manual.</summary>
internal static class X86ConformanceTables
{
    private const string NoUserReadOnlyOverSupervisorWrite =
        "x86 has one R/W bit for both privileges: a page writable by the kernel is writable by the user when US=1 (Zephyr defines no P_RW_U_RO on x86)";

    private const string NoSupervisorNoAccess =
        "a present page is always readable by the supervisor (SDM §4.6): Zephyr defines no P_NA_U_NA on x86";

    private const string NoExecuteDisable =
        "32-bit paging has no XD bit: every readable page is executable, so a non-executable attribute cannot be expressed";

    public static IReadOnlyDictionary<string, string> PaeDecision { get; } = new Dictionary<string, string>
    {
        ["AccessMatrix_FollowsPermissions(P_RW_U_RO)"] = NoUserReadOnlyOverSupervisorWrite,
        ["AccessMatrix_FollowsPermissions(None)"] = NoSupervisorNoAccess, // P_NA_U_NA: NUnit names the value 0 by its first enum name
        ["AccessMatrix_FollowsPermissions(P_RWX_U_RX)"] = NoUserReadOnlyOverSupervisorWrite,
    };

    public static IReadOnlyDictionary<string, string> Paging32Decision { get; } = new Dictionary<string, string>
    {
        ["AccessMatrix_FollowsPermissions(P_RW_U_RO)"] = NoUserReadOnlyOverSupervisorWrite,
        ["AccessMatrix_FollowsPermissions(None)"] = NoSupervisorNoAccess, // P_NA_U_NA: NUnit names the value 0 by its first enum name
        ["AccessMatrix_FollowsPermissions(P_RWX_U_RX)"] = NoUserReadOnlyOverSupervisorWrite,
        ["AccessMatrix_FollowsPermissions(P_RW_U_NA)"] = NoExecuteDisable,
        ["AccessMatrix_FollowsPermissions(P_RW_U_RW)"] = NoExecuteDisable,
        ["AccessMatrix_FollowsPermissions(P_RO_U_NA)"] = NoExecuteDisable,
        ["AccessMatrix_FollowsPermissions(P_RO_U_RO)"] = NoExecuteDisable,
    };

    public static IReadOnlyDictionary<string, string> Paging32FaultStatus { get; } = new Dictionary<string, string>
    {
        ["UserFetch_FromANonExecutableRegion_ReportsAnInstructionFault"] = NoExecuteDisable,
    };
}
