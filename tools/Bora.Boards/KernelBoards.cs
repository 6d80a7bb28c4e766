using Bora.Arch.Arc;
using Bora.Arch.Arm;
using Bora.Arch.X86;

namespace Bora.Boards;

/// <summary>The built-in boards a kernel boots on, one per modelled protection unit.</summary>
public static class KernelBoards
{
    /// <summary>The default board: <c>mps2-an385</c>.</summary>
    public const string DefaultName = "mps2-an385";

    private const uint MiB = 1024 * 1024;

    /// <summary>Every built-in board, in catalogue order (ARM, ARC, x86).</summary>
    public static IReadOnlyList<KernelBoard> All { get; } =
    [
        new ArmKernelBoard(ArmBoards.Mps2An385, "Cortex-M3, ARMv7-M PMSAv7 MPU, 8 regions", 0x0000_0000, 0x2000_0000, 4 * MiB),
        new ArmKernelBoard(ArmBoards.Mps2An505, "Cortex-M33 (Secure), ARMv8-M PMSAv8 MPU, 16 regions", 0x1000_0000, 0x3800_0000, 4 * MiB),
        new ArcKernelBoard(ArcBoards.NsimEm, "ARC EM, MPU v2, 16 regions", ArcMpuVersion.V2),
        new ArcKernelBoard(ArcBoards.NsimSem, "ARC EM SecureShield, MPU v4, 16 regions", ArcMpuVersion.V4),
        new X86KernelBoard(X86Boards.QemuX86, "ia32, PAE paging with XD", X86PagingMode.Pae),
        new X86KernelBoard(X86Boards.QemuX86NoPae, "ia32, 32-bit paging", X86PagingMode.Paging32),
    ];

    /// <summary>The default board.</summary>
    public static KernelBoard Default => Get(DefaultName);

    /// <summary>The names of every built-in board.</summary>
    public static IEnumerable<string> Names => All.Select(b => b.Name);

    /// <summary>The board called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static KernelBoard? Find(string name) => All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal));

    /// <summary>The board called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No built-in board has that name; the message lists them.</exception>
    public static KernelBoard Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown board '{name}'; the boards are: {string.Join(", ", Names)}", nameof(name));
}
