using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary><c>arch_buffer_validate</c> and <c>z_x86_check_stack_bounds</c>.</summary>
public sealed partial class X86MmuDriver
{
    /// <inheritdoc/>
    /// <remarks>
    /// Zephyr's x86 version: the range is rounded out to whole pages and each page is walked in the current
    /// tables (CR3): every intermediate entry must be present; the leaf needs US, and RW for a write; the leaf's
    /// P is not required (a paged-out page keeps its permission bits, arch-spec X86-18). Returns 0 or -1. Bora
    /// refuses size 0 and a range wrapping past 4 GiB outright (Zephyr's rounding validates an empty aligned range
    /// and wraps to page 0).
    /// </remarks>
    public int BufferValidate(uint address, uint size, bool write)
    {
        if (size == 0 || (ulong)address + size > 1UL << 32)
        {
            return -1;
        }

        uint root = Pae ? Cr3 & 0xFFFF_FFE0u : Cr3 & 0xFFFF_F000u;
        ulong end = ((ulong)address + size + PageSize - 1) & ~(ulong)(PageSize - 1);
        for (ulong page = address & ~(PageSize - 1); page < end; page += PageSize)
        {
            if (!PageValidate(root, (uint)page, write))
            {
                return -1;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>z_x86_check_stack_bounds(esp, 0, cs)</c> for a page fault (or the #DF of an ia32 guard hit): CPL 0 in a
    /// user thread (a system call) checks the privilege stack page <c>[start - 4096, start]</c>, anything else the
    /// stack buffer <c>[start, ALIGN4(start + size)]</c>; overflow when <c>esp &lt;= start || esp &gt; end</c>. CPL is
    /// the faulting access's privilege. The ISR branch needs context the views lack: see <see cref="CheckInterruptStackOverflow"/>.
    /// </remarks>
    public StackOverflowCheck CheckStackOverflow(FaultRecord fault, ThreadMemoryView thread, uint sp)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(thread);
        if (fault.Vector is not (X86Vector.PageFault or X86Vector.DoubleFault))
        {
            return default;
        }

        uint start, end;
        if (fault.Access.Privilege == Privilege.Supervisor && thread.IsUser)
        {
            start = thread.StackStart - X86StackGeometry.PageBytes;
            end = thread.StackStart;
        }
        else
        {
            start = thread.StackStart;
            end = (uint)((thread.StackStart + (ulong)thread.StackSize) & ~3UL);
        }

        return sp <= start || sp > end ? new StackOverflowCheck(true, start) : default;
    }

    /// <summary>
    /// The ISR (or early-boot) branch of <c>z_x86_check_stack_bounds</c>: <paramref name="sp"/> against the
    /// interrupt stack of <see cref="X86MmuDriverOptions.InterruptStack"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No interrupt stack was configured.</exception>
    public StackOverflowCheck CheckInterruptStackOverflow(uint sp)
    {
        AddressRange stack = _options.InterruptStack
            ?? throw new InvalidOperationException($"{Arch}: set X86MmuDriverOptions.InterruptStack to classify faults taken in an ISR");
        uint start = (uint)stack.Start;
        return sp <= start || sp > stack.End ? new StackOverflowCheck(true, start) : default;
    }

    /// <summary><c>page_validate</c> (KPTI off): walks from <paramref name="root"/> in physical memory.</summary>
    private bool PageValidate(uint root, uint linear, bool write)
    {
        ulong table = root;
        int[] shifts = Pae ? [30, 21, 12] : [22, 12];
        int size = Pae ? 8 : 4;
        ulong frame = Pae ? 0x000F_FFFF_FFFF_F000UL : 0xFFFF_F000UL;
        for (int level = 0; level < shifts.Length; level++)
        {
            ulong mask = level == 0 && Pae ? 0x3u : Pae ? 0x1FFu : 0x3FFu;
            ulong entryAddress = table + (((linear >> shifts[level]) & mask) * (ulong)size);
            ulong entry = size == 8 ? _memory.ReadUInt64((uint)entryAddress) : _memory.ReadUInt32((uint)entryAddress);
            bool leaf = level == shifts.Length - 1 || (entry & PageEntry.PS) != 0;
            if (leaf)
            {
                return (entry & PageEntry.US) != 0 && (!write || (entry & PageEntry.RW) != 0);
            }

            if ((entry & PageEntry.P) == 0)
            {
                return false;
            }

            table = entry & frame;
        }

        return false;
    }
}
