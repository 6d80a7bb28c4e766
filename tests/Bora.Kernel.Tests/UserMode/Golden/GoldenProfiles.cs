namespace Bora.Kernel.Tests.UserMode.Golden;

/// <summary>
/// The protection profile each board's golden reports are taken under (the boards' defaults; the regions in force in
/// each report show it: guard regions, stack regions, per-domain page tables).
/// </summary>
internal static class GoldenProfiles
{
    private static readonly Dictionary<string, string> s_profiles = new(StringComparer.Ordinal)
    {
        ["mps2-an385"] = "ARM PMSAv7, CONFIG_MPU_STACK_GUARD=y (64 B guard), PRIVDEFENA background map, XIP",
        ["mps2-an505"] = "ARM PMSAv8, CONFIG_MPU_STACK_GUARD=y (64 B guard), PRIVDEFENA background map, XIP",
        ["nsim_em"] = "ARC MPU v2, CONFIG_ARC_STACK_CHECKING=y, no MPU stack guard (v2 has none)",
        ["nsim_sem"] = "ARC MPU v4, CONFIG_MPU_STACK_GUARD=y (32 B guard), no gap filling, no stack checking",
        ["qemu_x86"] = "x86 PAE (XD), KPTI off, per-domain page tables (no CONFIG_X86_COMMON_PAGE_TABLE)",
        ["qemu_x86_nopae"] = "x86 32-bit paging (no XD), KPTI off, per-domain page tables (no CONFIG_X86_COMMON_PAGE_TABLE)",
    };

    /// <summary>The profile of <paramref name="board"/>.</summary>
    public static string Of(string board) =>
        s_profiles.TryGetValue(board, out string? profile) ? profile : throw new ArgumentException($"no golden profile for board '{board}'; add one", nameof(board));
}
