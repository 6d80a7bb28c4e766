using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// User read, write and execute of a partition under each <c>K_MEM_PARTITION_*</c> attribute: allowed or faulting
/// exactly as the attribute says (after zephyr mem_domain.c test_mem_domain_valid_access / no_writes_to_ro).
/// </summary>
[TestFixtureSource(typeof(DomainConformanceFixture), nameof(Boards))]
public sealed class PartitionAccessConformance : DomainConformanceFixture
{
    public PartitionAccessConformance(string board)
        : base(board)
    {
    }

    /// <summary>Every attribute Zephyr defines on some arch, named as Zephyr spells it (P_NA_U_NA is the enum's None).</summary>
    public static IEnumerable<TestCaseData> Attributes =>
        new[]
        {
            PartitionPermissions.P_NA_U_NA, PartitionPermissions.P_RO_U_NA, PartitionPermissions.P_RO_U_RO,
            PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RW_U_RO, PartitionPermissions.P_RW_U_RW,
            PartitionPermissions.P_RX_U_RX, PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_RX,
            PartitionPermissions.P_RX_U_NA, PartitionPermissions.P_RWX_U_NA,
        }.Select(a => new TestCaseData(a).SetArgDisplayNames(ZephyrName(a)));

    /// <summary>The <c>K_MEM_PARTITION_*</c> suffix of <paramref name="attr"/>.</summary>
    public static string ZephyrName(PartitionPermissions attr) =>
        attr == PartitionPermissions.P_NA_U_NA ? nameof(PartitionPermissions.P_NA_U_NA) : attr.ToString();

    [TestCaseSource(nameof(Attributes))]
    public void test_mem_part_user_read(PartitionPermissions attr) =>
        Access(attr, AccessKind.Read, (attr & PartitionPermissions.UserRead) != 0);

    [TestCaseSource(nameof(Attributes))]
    public void test_mem_part_user_write(PartitionPermissions attr) =>
        Access(attr, AccessKind.Write, (attr & PartitionPermissions.UserWrite) != 0);

    [TestCaseSource(nameof(Attributes))]
    public void test_mem_part_user_execute(PartitionPermissions attr) =>
        Access(attr, AccessKind.Execute, (attr & PartitionPermissions.UserExecute) != 0);

    /// <summary>
    /// A supervisor seeds the partition, a user member of a domain holding it with <paramref name="attr"/> makes one
    /// access, and the supervisor checks what happened to memory.
    /// </summary>
    private void Access(PartitionPermissions attr, AccessKind kind, bool allowed)
    {
        uint start = Reserve("part");
        uint target = start + 0x40;
        uint seen = 0, afterwards = 0;
        bool after = false;
        ThreadHandle user = default;
        Run(() =>
        {
            K.Machine.Cpu.WriteUInt32(target, Pattern);
            MemPartition part;
            try
            {
                part = Part("part", start, attr);
            }
            catch (ArgumentException e)
            {
                Assert.Fail($"{attr} has no encoding on {Board}; list it in DomainNotApplicable with the reason. {e.Message}");
                return;
            }

            MemoryDomain domain = Domain("dom", part);
            user = SpawnUser("user", domain, () =>
            {
                switch (kind)
                {
                    case AccessKind.Read:
                        seen = K.Machine.Cpu.ReadUInt32(target);
                        break;
                    case AccessKind.Write:
                        K.Machine.Cpu.WriteUInt32(target, ~Pattern);
                        break;
                    default:
                        K.Machine.Cpu.CheckExecute(target);
                        break;
                }

                after = true;
            });
            afterwards = K.Machine.Cpu.ReadUInt32(target);
        });

        if (allowed)
        {
            Assert.Multiple(() =>
            {
                AssertNoFaults();
                Assert.That(after, Is.True);
                Assert.That(afterwards, Is.EqualTo(kind == AccessKind.Write ? ~Pattern : Pattern));
                if (kind == AccessKind.Read)
                {
                    Assert.That(seen, Is.EqualTo(Pattern));
                }
            });
        }
        else
        {
            AssertCulprit(user, FatalReason.CpuException, after, target, kind, "dom");
            Assert.That(afterwards, Is.EqualTo(Pattern), "a denied access changes nothing");
        }
    }
}
