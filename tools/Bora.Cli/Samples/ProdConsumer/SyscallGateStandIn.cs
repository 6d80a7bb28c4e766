using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Threading;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// The gate of the <em>application-defined</em> system calls (prod_consumer's <c>sample_driver_state_set</c>,
/// <c>sample_driver_write</c>, <c>magic_syscall</c>; shared_mem's semaphore calls until <c>k_sem_*</c> are
/// syscalls). Kernel calls go through the real trap (<c>Bora.Userspace.Z</c>). <c>Bora.SyscallGen</c> serves the
/// <c>[Syscall]</c> declarations of <c>Bora.Kernel</c> only, so an app's own syscalls cannot be generated: this
/// models what the trap does for them — from user mode a call raises privilege and moves onto the thread's privilege
/// stack, runs the verifier and the implementation in supervisor mode, then drops back to the user stack and user
/// mode. A verifier that throws <see cref="VerifierOops"/> kills the caller with <c>K_ERR_KERNEL_OOPS</c> from user
/// mode, as <c>arch_syscall_oops</c> does. From supervisor mode a call is a direct call (DESIGN §5).
/// </summary>
/// <remarks>
/// It has no id, no trace records and no arch trap frame (docs/samples.md); buffers are checked with the driver's
/// <c>arch_buffer_validate</c>.
/// </remarks>
internal sealed class SyscallGateStandIn(BoraKernel kernel)
{
    // Threads inside a call made from user mode: only those get verified, as a supervisor call is Zephyr's direct
    // z_impl_ call (and with protection off every call is one).
    private readonly HashSet<KThread> _fromUser = [];

    /// <summary>Runs <paramref name="handler"/> (verifier, then implementation) as a system call of the current thread.</summary>
    public T Invoke<T>(Func<T> handler)
    {
        CpuState cpu = kernel.Machine.Cpu.State;
        if (cpu.Privilege != Privilege.User)
        {
            return handler();
        }

        ThreadMemoryView view = kernel.Current?.MemoryView
            ?? throw new InvalidOperationException("a system call from user mode needs a kernel thread with a memory view");
        uint userSp = cpu.Sp;
        cpu.Sp = view.PrivilegedStackStart + view.PrivilegedStackSize;
        cpu.Privilege = Privilege.Supervisor;
        KThread caller = kernel.Current!;
        _fromUser.Add(caller);
        T result;
        try
        {
            result = handler();
        }
        catch (VerifierOops)
        {
            _fromUser.Remove(caller);
            DropToUser(cpu, userSp);
            k_oops();
            throw;
        }

        // Not in a finally: a thread aborted while blocked in the call must not touch a CPU it no longer holds.
        _fromUser.Remove(caller);
        DropToUser(cpu, userSp);
        return result;
    }

    /// <summary>
    /// <c>K_SYSCALL_MEMORY_READ</c> / <c>_WRITE</c>: whether the caller may access the whole buffer. A call that did not
    /// come from user mode is not verified.
    /// </summary>
    public bool BufferOk(uint address, uint size, bool write) =>
        kernel.Current is not { } caller || !_fromUser.Contains(caller)
        || kernel.ProtectionDriver is not { } driver || driver.BufferValidate(address, size, write) == 0;

    /// <summary><c>K_OOPS(K_SYSCALL_MEMORY_*(...))</c>: throws <see cref="VerifierOops"/> unless the buffer is accessible.</summary>
    public void RequireBuffer(uint address, uint size, bool write, string what)
    {
        if (!BufferOk(address, size, write))
        {
            throw new VerifierOops($"{what}: the caller may not {(write ? "write" : "read")} {size} bytes at 0x{address:X8}");
        }
    }

    private static void DropToUser(CpuState cpu, uint userSp)
    {
        cpu.Sp = userSp;
        cpu.Privilege = Privilege.User;
    }
}
