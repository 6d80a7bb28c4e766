using System.Diagnostics.CodeAnalysis;

namespace Bora.Kernel;

/// <summary>
/// User-mode entry: <c>K_USER</c> threads at their first run and <c>k_thread_user_mode_enter</c> (one way).
/// </summary>
public sealed partial class BoraKernel
{
    /// <summary>
    /// <c>k_thread_user_mode_enter</c> for <paramref name="caller"/> (the current supervisor thread): drops it to
    /// user mode for good and runs <paramref name="entry"/> there; when the entry returns the thread exits.
    /// Never returns.
    /// </summary>
    [DoesNotReturn]
    internal void UserModeEnter(KThread caller, ThreadEntry entry, uint p1, uint p2, uint p3)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        if (_isrNesting > 0 || _cpu.State.Privilege == Privilege.User)
        {
            Fatal(caller, FatalReason.KernelOops, null, "k_thread_user_mode_enter: only a supervisor thread can drop to user mode (not an ISR, not a user thread)");
        }

        Symbol symbol = Layout.Symbols.Register(SymbolTable.NameOf(entry), SymbolKind.ThreadEntry, entry);
        caller.Options |= ThreadOptions.User;
        PrepareUserMode(caller);
        _cpu.State.Pc = symbol.Address;
        _cpu.CheckExecute(symbol.Address);
        entry(p1, p2, p3);
        OnEntryReturned(caller);
        ThrowTermination(caller);
    }

    /// <summary>
    /// <c>arch_user_mode_enter</c> (the part before the jump): checks the stack can host a user thread, gives the
    /// thread its privilege-elevation stack, erases the stack buffer (<see cref="UserStackErasePattern"/>), lets the
    /// driver program the user stack (<c>UserModeEnter</c>), resets SP to the buffer's top and drops privilege.
    /// </summary>
    private void PrepareUserMode(KThread thread)
    {
        if (!_options.Userspace)
        {
            // CONFIG_USERSPACE=n: k_thread_user_mode_enter just calls the entry, and K_USER means nothing.
            return;
        }

        ThreadStack stack = thread.Stack!;
        if (stack.IsKernelOnly)
        {
            Fatal(thread, FatalReason.KernelOops, null, $"stack '{stack.Name}' is a kernel-only stack (K_KERNEL_STACK_DEFINE) and cannot host a user thread (z_stack_is_user_capable)");
        }

        CpuState cpu = _cpu.State;
        uint top;
        if (thread.MemoryView is { } view)
        {
            (uint privStart, uint privSize) = PrivilegeStackOf(stack);
            view.IsUser = true;
            view.PrivilegedStackStart = privStart;
            view.PrivilegedStackSize = privSize;
            _cpu.FillBlock(view.StackStart, view.StackSize, UserStackErasePattern);
            _driver!.UserModeEnter(view);
            top = view.StackStart + view.StackSize;
            if (_options.OtherSpIsPrivilegeStack)
            {
                cpu.OtherSp = privStart + privSize;
            }
        }
        else
        {
            top = stack.BufferStart + stack.BufferSize;
        }

        cpu.Sp = top & ~(Math.Max(_options.StackGeometry.PointerAlignment, 4) - 1);
        cpu.Status |= _options.UserStatusBits;
        cpu.Privilege = Privilege.User;
        _cpu.InvalidateDecisions();
    }

    /// <summary>
    /// The privilege-elevation stack of a user thread on <paramref name="stack"/>: inside the stack object's
    /// reserved area when the arch reserves room for it there (x86: the page below the buffer; ARC v4: above the
    /// guard), else one allocated once per stack object in kernel RAM with a guard below it (Zephyr's
    /// <c>z_priv_stacks</c>, <c>CONFIG_GEN_PRIV_STACKS</c>).
    /// </summary>
    private (uint Start, uint Size) PrivilegeStackOf(ThreadStack stack)
    {
        StackGeometry g = _options.StackGeometry;
        uint size = g.PrivilegedStackBytes;
        if (g.ReservedBytes >= g.GuardBytes + size && size != 0)
        {
            return (stack.Address + g.GuardBytes, size);
        }

        if (stack.PrivilegeStackStart == 0)
        {
            uint alignment = Math.Max(Math.Max(g.Alignment, g.PointerAlignment), 8);
            uint guard = g.GuardBytes == 0 ? 0 : Math.Max(g.GuardBytes, alignment);
            uint address = Layout.Stacks.Allocate(guard + size, alignment, $"privilege stack of '{stack.Name}'");
            stack.PrivilegeStackStart = address + guard;
        }

        return (stack.PrivilegeStackStart, size);
    }
}
