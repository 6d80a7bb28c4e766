using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>The backend variants of the x86 paging model.</summary>
public static class X86Arch
{
    /// <summary>ia32 with PAE paging (Zephyr's default, <c>CONFIG_X86_PAE=y</c>).</summary>
    public static readonly ArchId Pae = new("x86-pae");

    /// <summary>ia32 with 32-bit paging (<c>CONFIG_X86_PAE=n</c>, Zephyr's <c>qemu_x86/atom/nopae</c>).</summary>
    public static readonly ArchId Paging32 = new("x86-32");

    /// <summary>The id for a paging mode.</summary>
    public static ArchId For(X86PagingMode mode) => mode == X86PagingMode.Paging32 ? Paging32 : Pae;
}
