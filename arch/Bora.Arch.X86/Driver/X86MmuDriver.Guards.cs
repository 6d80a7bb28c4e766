using Bora.Hal;

namespace Bora.Arch.X86.Driver;

/// <summary>Stack guards: <c>z_x86_set_stack_guard</c>, applied to every table set.</summary>
public sealed partial class X86MmuDriver
{
    /// <summary>The guard's permissions: <c>MMU_P | ENTRY_XD</c> under <c>MASK_PERM</c>, i.e. present, supervisor read-only, not executable.</summary>
    private ulong GuardAttr => Pae ? PageEntry.XD : 0;

    /// <summary>"Guard page is always the first page of the stack object for both kernel and thread stacks."</summary>
    private uint GuardPageOf(ThreadMemoryView thread)
    {
        if (thread.StackObject % PageSize != 0 || (ulong)thread.StackStart < (ulong)thread.StackObject + PageSize)
        {
            throw new InvalidOperationException(
                $"{Arch}: thread '{thread.Name}' has stack object 0x{thread.StackObject:X8} and buffer 0x{thread.StackStart:X8}: "
                + "x86 stack objects are page aligned with the guard page first (X86StackGeometry.Userspace)");
        }

        return thread.StackObject;
    }

    private void SetStackGuard(uint page, string holder)
    {
        _guards[page] = holder;
        foreach (X86PageTableSet set in Pool.Live)
        {
            ApplyGuard(set, page);
        }
    }

    private void ApplyGuard(X86PageTableSet set, uint page)
    {
        if (UpdateRegion(set, page, PageSize, GuardAttr, reset: false) != 0)
        {
            throw new InvalidOperationException($"{Arch}: the stack guard page 0x{page:X8} is not mapped in {set.Name}: stacks must live in kernel RAM");
        }
    }

    private void ReleaseStackGuard(uint page)
    {
        _guards.Remove(page);
        foreach (X86PageTableSet set in Pool.Live)
        {
            _ = UpdateRegion(set, page, PageSize, 0, reset: true);
        }
    }
}
