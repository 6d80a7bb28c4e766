using System.Diagnostics.CodeAnalysis;
using Bora.Kernel.Syscalls;

namespace Bora.Kernel;

/// <summary>
/// The syscall gate's kernel side (DESIGN §5): the trap from user mode through the arch's <see cref="ISyscallTrapModel"/>,
/// the dispatcher on the privilege stack, the return that scrubs registers, and the oops that kills only the caller.
/// </summary>
public sealed partial class BoraKernel
{
    private readonly CpuState _syscallCallerState = new();
    private Symbol? _syscallDispatchSymbol;

    private ISyscallTrapModel SyscallTrapModel => _exceptionModel as ISyscallTrapModel
        ?? throw new InvalidOperationException(
            $"the arch's exception model ({_exceptionModel.GetType().Name}) does not implement ISyscallTrapModel, so user threads cannot make syscalls; " +
            "implement the arch's syscall trap (SVC / trap_s / int 0x80) on its exception model");

    /// <summary>
    /// The user side of the gate for <paramref name="thread"/> when it is the running thread and runs in user mode outside
    /// ISRs; otherwise <see langword="null"/> (a supervisor caller, an ISR, a thread inside a syscall, or a kernel with
    /// user threads running privileged), whose <c>z_*</c> calls are direct calls.
    /// </summary>
    internal IUserTrap? UserTrapOf(KThread thread)
    {
        if (thread != _current || _isrNesting > 0 || _cpu.State.Privilege != Privilege.User)
        {
            return null;
        }

        return thread.UserModeTrap ??= new UserModeTrap(this, thread);
    }

    /// <summary>
    /// The syscall trap of <paramref name="caller"/> (running in user mode): the stub's register moves, the arch's trap
    /// onto the privilege stack, <see cref="SyscallDispatcher.Dispatch"/> with the untrusted id, the result in the first
    /// register and the scrubbing return to user mode; then a poll point, as after every return from the kernel.
    /// </summary>
    internal uint InvokeSyscall(KThread caller, uint id, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5)
    {
        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        CpuState cpu = _cpu.State;
        if (caller != _current || _isrNesting > 0 || cpu.Privilege != Privilege.User)
        {
            throw new InvalidOperationException(
                $"syscall trap by '{caller.ThreadName}', which is not the running thread in user mode: take IUserTrap only from UserTrap.Current, on the thread it was given to");
        }

        ISyscallTrapModel trap = SyscallTrapModel;
        SyscallRegisters registers = trap.SyscallRegisters;
        cpu.Registers[registers.Id] = id;
        cpu.Registers[registers.Arg0] = arg0;
        cpu.Registers[registers.Arg1] = arg1;
        cpu.Registers[registers.Arg2] = arg2;
        cpu.Registers[registers.Arg3] = arg3;
        cpu.Registers[registers.Arg4] = arg4;
        cpu.Registers[registers.Arg5] = arg5;
        _syscallCallerState.CopyFrom(cpu);
        Charge(_costs.SyscallEntry);
        SyscallTrapEntry entry = trap.EnterSyscall(cpu, _cpu, cpu.Pc, PrivilegeStackTop(caller));
        if (entry.StackingFault is { } stacking)
        {
            // The trap could not stack its frame (ARM: MSTKERR on the user stack). The fault belongs to the caller,
            // with SP where the hardware left it, and is classified the arch's way (K_ERR_STACK_CHK_FAIL below the stack).
            cpu.CopyFrom(_syscallCallerState);
            cpu.Sp = entry.Exception.FrameAddress;
            Fatal(caller, ClassifyFault(caller, stacking), stacking,
                $"the syscall trap ({DescribeSyscall(id)}) could not stack its exception frame below SP 0x{_syscallCallerState.Sp:X8}: {stacking.ExceptionName}");
        }

        var frame = new SyscallFrame(this, caller, entry, id);
        caller.SyscallFrame = frame;
        _syscallDispatchSymbol ??= Layout.Symbols.Register("z_syscall_dispatch", SymbolKind.Kernel, null);
        cpu.Pc = _syscallDispatchSymbol.Address;
        uint result = SyscallDispatcher.Dispatch(
            frame,
            cpu.Registers[registers.Id],
            cpu.Registers[registers.Arg0],
            cpu.Registers[registers.Arg1],
            cpu.Registers[registers.Arg2],
            cpu.Registers[registers.Arg3],
            cpu.Registers[registers.Arg4],
            cpu.Registers[registers.Arg5]);

        // Not in a finally: a thread killed inside the call must not touch a CPU it no longer holds.
        caller.SyscallFrame = null;
        cpu = _cpu.State;
        LeaveHandlerRegisters(cpu, registers);
        cpu.Registers[registers.Arg0] = result;
        ExceptionReturn back = trap.ReturnFromSyscall(cpu, _cpu, entry);
        if (back.UnstackingFault is { } unstacking)
        {
            Fatal(caller, ClassifyFault(caller, unstacking), unstacking, $"the return from syscall {DescribeSyscall(id)} could not unstack its frame");
        }

        _cpu.CheckExecute(back.ResumedPc);
        Charge(_costs.SyscallExit);
        uint word = cpu.Registers[registers.Arg0];
        if (_kernelDepth == 0 && !_irqMasked)
        {
            PollPoint(caller);
        }

        return word;
    }

    /// <summary>
    /// <c>K_OOPS</c> (<c>arch_syscall_oops</c>) and <c>user_fault</c>: the syscall <paramref name="frame"/> is abandoned,
    /// the CPU goes back to the caller's user context at the trap, and the caller dies with <paramref name="reason"/>
    /// there; the kernel lives on.
    /// </summary>
    [DoesNotReturn]
    internal void SyscallFatal(SyscallFrame frame, FatalReason reason, string message)
    {
        KThread thread = frame.Thread;
        if (thread != _current || thread.SyscallFrame != frame)
        {
            throw new InvalidOperationException(
                $"K_OOPS for syscall {frame.Name} of '{thread.ThreadName}' outside that syscall: ISyscallContext.Oops and the verifier helpers work only while the syscall runs, on its thread");
        }

        thread.SyscallFrame = null;
        CpuState cpu = _cpu.State;
        ISyscallTrapModel trap = SyscallTrapModel;
        cpu.Registers[trap.SyscallRegisters.Arg0] = 0;
        ExceptionReturn back = trap.ReturnFromSyscall(cpu, _cpu, frame.Entry);
        Fatal(thread, reason, back.UnstackingFault, message);
    }

    /// <summary>
    /// <c>z_impl_user_fault</c>: from a user thread's syscall any reason but <c>K_ERR_STACK_CHK_FAIL</c> is delivered as
    /// <c>K_ERR_KERNEL_OOPS</c> (DESIGN §7); a supervisor caller raises <paramref name="reason"/> as it is.
    /// </summary>
    [DoesNotReturn]
    internal void UserFault(KThread caller, uint reason)
    {
        var requested = (FatalReason)reason;
        string what = requested switch
        {
            FatalReason.KernelOops => "k_oops()",
            FatalReason.KernelPanic => "k_panic()",
            _ => $"ARCH_EXCEPT(reason {reason})",
        };
        if (caller.SyscallFrame is { } frame)
        {
            FatalReason delivered = caller.IsUser && requested != FatalReason.StackCheckFail ? FatalReason.KernelOops : requested;
            SyscallFatal(frame, delivered, $"{what} called from user mode (user_fault syscall)");
        }

        if (caller.Unwinding)
        {
            ThrowTermination(caller);
        }

        _trace.Record(_cpu.Cycles, TraceEventKind.CallEnter, caller.Id, (int)(requested == FatalReason.KernelPanic ? KernelCall.Panic : KernelCall.Oops), 0);
        Fatal(caller, requested, null, $"{what} called");
    }

    /// <summary>
    /// <c>K_SYSCALL_MEMORY(ptr, size, write)</c> without the oops: false when <paramref name="address"/> + <paramref name="size"/>
    /// wraps (overflow-safe: computed in 64 bits) or <c>arch_buffer_validate</c> refuses the range for the calling user
    /// thread. Without a protection driver every range passes (no userspace).
    /// </summary>
    internal bool UserBufferOk(uint address, ulong size, bool write)
    {
        if (size == 0)
        {
            return true;
        }

        if (size > uint.MaxValue || (ulong)address + size > uint.MaxValue)
        {
            return false;
        }

        return _driver is null || _driver.BufferValidate(address, (uint)size, write) == 0;
    }

    /// <summary>Reads words of (already validated) user memory from kernel code.</summary>
    internal void ReadKernelWords(uint address, Span<uint> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _cpu.ReadUInt32(address + (uint)(4 * i));
        }
    }

    /// <summary>Writes a 64-bit value to (already validated) user memory from kernel code.</summary>
    internal void WriteKernelUInt64(uint address, ulong value) => _cpu.WriteUInt64(address, value);

    /// <summary>The syscall trace hooks: a record in the trace ring and, at verbose level, a log line.</summary>
    internal void TraceSyscall(KThread thread, TraceEventKind kind, uint id, uint result, string name)
    {
        _trace.Record(_cpu.Cycles, kind, thread.Id, unchecked((int)id), result);
        if (Verbose)
        {
            _log.Verbose("{Thread} {Direction} syscall {Name} ({Id}) {Result}", thread.ThreadName, kind == TraceEventKind.SyscallEnter ? "->" : "<-", name, id, result);
        }
    }

    /// <summary>The syscall <paramref name="thread"/> is serving from user mode, if any (<c>_current-&gt;syscall_frame</c>).</summary>
    internal SyscallFrame? SyscallFrameOf(KThread thread) => _isrNesting > 0 ? null : thread.SyscallFrame;

    private static string DescribeSyscall(uint id) => SyscallIds.NameOf(id) is { } name ? $"{name}, id {id}" : $"bad id {id}";

    private static uint PrivilegeStackTop(KThread thread) =>
        thread.MemoryView is { PrivilegedStackSize: > 0 } view ? view.PrivilegedStackStart + view.PrivilegedStackSize : 0;

    /// <summary>
    /// What the dispatcher's compiled code leaves in the caller-saved registers: kernel values (here the privilege
    /// stack pointer). The arch's return path must scrub them; a return that forgot would leak them to user mode.
    /// </summary>
    private static void LeaveHandlerRegisters(CpuState cpu, SyscallRegisters registers)
    {
        for (int r = 0; r < 32; r++)
        {
            if ((registers.ScrubMask & (1u << r)) != 0)
            {
                cpu.Registers[r] = cpu.Sp;
            }
        }
    }
}
