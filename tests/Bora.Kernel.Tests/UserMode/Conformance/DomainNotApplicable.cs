namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// The only skips the memory-domain conformance suite allows: board → test name as NUnit reports it (with its
/// arguments) → why the case cannot exist on that backend, from Zephyr or the architecture manual.
/// <see cref="DomainConformanceFixture"/> fails any other skip; <see cref="DomainSkipPolicyTests"/> checks the
/// table names real boards and tests, and that every attribute listed as missing really has no encoding.
/// </summary>
public static class DomainNotApplicable
{
    private const string X86NoStackIsolation =
        "x86 has no per-thread stack isolation within one domain: a user stack is granted in the domain's page tables, " +
        "so other user threads of the same domain can reach it (zephyr-userspace-spec §1 #10, ProtectionCapabilities.UserCanReachSameDomainStacks)";

    private const string NoXd =
        "32-bit paging has no XD bit (Zephyr defines MMU_XD as 0 there): every user-readable page is user-executable (arch-spec X86-08)";

    private const string NoArchDomainData =
        "an MPU domain has no arch data (no CONFIG_ARCH_MEM_DOMAIN_DATA): k_mem_domain_init cannot return -ENOMEM";

    private const string X86UnalignedStart =
        "x86 has no partition alignment check: apply_region changes every page from the one holding the start (only a size that is not a page multiple is refused)";

    private static readonly Dictionary<string, Dictionary<string, string>> s_table = new(StringComparer.Ordinal)
    {
        ["mps2-an385"] = new(StringComparer.Ordinal)
        {
            [Attr("P_RWX_U_NA")] = "ARMv7-M has no K_MEM_PARTITION_P_RWX_U_NA (x86 only)",
            [Attr("P_RX_U_NA")] = "ARMv7-M has no K_MEM_PARTITION_P_RX_U_NA (x86 only)",
            ["test_mem_domain_init_nomem"] = NoArchDomainData,
        },
        ["mps2-an505"] = new(StringComparer.Ordinal)
        {
            [Attr("P_NA_U_NA")] = "ARMv8-M's AP field has no no-access encoding, so Zephyr defines no K_MEM_PARTITION_P_NA_U_NA",
            [Attr("P_RW_U_RO")] = "ARMv8-M's AP field has no privileged-RW/unprivileged-RO encoding, so Zephyr defines no K_MEM_PARTITION_P_RW_U_RO",
            [Attr("P_RWX_U_RX")] = "ARMv8-M has no K_MEM_PARTITION_P_RWX_U_RX (AP has no RW/RO pair)",
            [Attr("P_RWX_U_NA")] = "ARMv8-M has no K_MEM_PARTITION_P_RWX_U_NA (x86 only)",
            [Attr("P_RX_U_NA")] = "ARMv8-M has no K_MEM_PARTITION_P_RX_U_NA (x86 only)",
            ["test_mem_domain_init_nomem"] = NoArchDomainData,
        },
        ["nsim_em"] = new(StringComparer.Ordinal)
        {
            [Attr("P_RWX_U_NA")] = "ARC has no K_MEM_PARTITION_P_RWX_U_NA (x86 only)",
            [Attr("P_RX_U_NA")] = "ARC has no K_MEM_PARTITION_P_RX_U_NA (x86 only)",
            ["test_mem_domain_init_nomem"] = NoArchDomainData,
        },
        ["nsim_sem"] = new(StringComparer.Ordinal)
        {
            [Attr("P_RWX_U_NA")] = "ARC has no K_MEM_PARTITION_P_RWX_U_NA (x86 only)",
            [Attr("P_RX_U_NA")] = "ARC has no K_MEM_PARTITION_P_RX_U_NA (x86 only)",
            ["test_mem_domain_init_nomem"] = NoArchDomainData,
        },
        ["qemu_x86"] = new(StringComparer.Ordinal)
        {
            [Attr("P_NA_U_NA")] = "x86 has no K_MEM_PARTITION_P_NA_U_NA (a present page is always supervisor-readable)",
            [Attr("P_RW_U_RO")] = "x86 has no K_MEM_PARTITION_P_RW_U_RO (one RW bit serves both privileges under CR0.WP)",
            [Attr("P_RWX_U_RX")] = "x86 has no K_MEM_PARTITION_P_RWX_U_RX (one RW bit serves both privileges under CR0.WP)",
            ["test_read_other_stack_same_domain"] = X86NoStackIsolation,
            ["test_write_other_stack_same_domain"] = X86NoStackIsolation,
            ["test_mem_part_start_misaligned"] = X86UnalignedStart,
        },
        ["qemu_x86_nopae"] = new(StringComparer.Ordinal)
        {
            [Attr("P_NA_U_NA")] = "x86 has no K_MEM_PARTITION_P_NA_U_NA (a present page is always supervisor-readable)",
            [Attr("P_RW_U_RO")] = "x86 has no K_MEM_PARTITION_P_RW_U_RO (one RW bit serves both privileges under CR0.WP)",
            [Attr("P_RWX_U_RX")] = "x86 has no K_MEM_PARTITION_P_RWX_U_RX (one RW bit serves both privileges under CR0.WP)",
            ["test_mem_part_user_execute(P_RW_U_RW)"] = NoXd,
            ["test_mem_part_user_execute(P_RO_U_RO)"] = NoXd,
            ["test_read_other_stack_same_domain"] = X86NoStackIsolation,
            ["test_write_other_stack_same_domain"] = X86NoStackIsolation,
            ["test_mem_part_start_misaligned"] = X86UnalignedStart,
        },
    };

    /// <summary>Every entry: board, test name, reason.</summary>
    public static IEnumerable<(string Board, string Test, string Reason)> Entries =>
        s_table.SelectMany(b => b.Value.Select(t => (b.Key, t.Key, t.Value)));

    /// <summary>The tests parameterised by a partition attribute, whose table entries mean "the attribute does not exist here".</summary>
    public static IReadOnlyList<string> AttributeTests { get; } =
        ["test_mem_part_user_read", "test_mem_part_user_write", "test_mem_part_user_execute"];

    /// <summary>Why <paramref name="test"/> does not apply to <paramref name="board"/>, or <see langword="null"/> when it does.</summary>
    public static string? Reason(string board, string test)
    {
        if (!s_table.TryGetValue(board, out Dictionary<string, string>? tests))
        {
            return null;
        }

        if (tests.TryGetValue(test, out string? reason))
        {
            return reason;
        }

        // An attribute the arch has no encoding for rules out every access test of it.
        int open = test.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && AttributeTests.Contains(test[..open]) && tests.TryGetValue(Attr(test[(open + 1)..^1]), out reason) ? reason : null;
    }

    /// <summary>The table key meaning "the attribute has no encoding on this board".</summary>
    public static string Attr(string attribute) => $"attribute {attribute}";
}
