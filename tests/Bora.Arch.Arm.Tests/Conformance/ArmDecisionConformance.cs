using Bora.Hal.Conformance;

namespace Bora.Arch.Arm.Tests.Conformance;

[TestFixture(ArmMpuVersion.PmsaV7)]
[TestFixture(ArmMpuVersion.PmsaV8)]
public sealed class ArmDecisionConformance(ArmMpuVersion version) : DecisionConformance
{
    protected override IReadOnlyDictionary<string, string> NotApplicable { get; } = version == ArmMpuVersion.PmsaV8
        ? new Dictionary<string, string>
        {
            ["AccessMatrix_FollowsPermissions(P_RW_U_RO)"] = "PMSAv8 AP has no privileged-RW/unprivileged-RO encoding; Zephyr does not define it for v8-M",
            // P_NA_U_NA is PartitionPermissions.None (value 0), so NUnit names the case "None".
            ["AccessMatrix_FollowsPermissions(None)"] = "P_NA_U_NA: PMSAv8 AP has no no-access encoding; Zephyr does not define it for v8-M",
            ["AccessMatrix_FollowsPermissions(P_RWX_U_RX)"] = "PMSAv8 AP cannot give unprivileged RO with privileged RW; Zephyr does not define it for v8-M",
        }
        : new Dictionary<string, string>();

    protected override ProtectionHarness CreateHarness() => ArmHarnesses.Create(version);
}
