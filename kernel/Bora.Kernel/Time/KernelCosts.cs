namespace Bora.Kernel.Time;

/// <summary>
/// Modelled cycle costs of kernel work, calibrated to Zephyr's latency_measure figures
/// (reference/peers.md §3): a K→K <c>k_yield</c> switch costs 519 cycles end to end, an uncontended
/// <c>k_sem_give</c> 160 and <c>k_mutex_lock</c> 105. Checked accesses charge their own costs.
/// </summary>
/// <param name="KernelCallEntry">Entering a kernel call (call, lock).</param>
/// <param name="KernelCallExit">Leaving a kernel call (unlock, return).</param>
/// <param name="ContextSwitch">Saving one thread and restoring another besides the exception frame's checked stores and loads (so that yield-to-resume is 519 with entry, exit and the frame).</param>
/// <param name="SemaphoreGive">The body of <c>k_sem_give</c> (so that the call is 160).</param>
/// <param name="SemaphoreTake">The body of <c>k_sem_take</c>.</param>
/// <param name="MutexLock">The body of <c>k_mutex_lock</c> (so that the call is 105).</param>
/// <param name="MutexUnlock">The body of <c>k_mutex_unlock</c>.</param>
/// <param name="IsrEntry">Interrupt entry and the ISR wrapper's dispatch.</param>
/// <param name="IsrExit">Interrupt exit.</param>
/// <param name="ThreadCreate">The body of <c>k_thread_create</c> besides its stack writes.</param>
/// <param name="IrqLock">An <c>irq_lock</c> or <c>irq_unlock</c> (a few instructions, no kernel entry).</param>
/// <param name="EventOperation">The body of a <c>k_event</c> post/set/clear/wait (not calibrated).</param>
/// <param name="TimerOperation">The body of a <c>k_timer</c> start/stop/status call, and of a timer expiry (not calibrated).</param>
/// <param name="HeapOperation">The body of a <c>k_heap</c> allocation or free (not calibrated).</param>
/// <param name="MemSlabOperation">The body of a <c>k_mem_slab</c> allocation or free besides its free-list access (not calibrated).</param>
/// <param name="IpcOperation">The body of a condvar, msgq, stack, queue or pipe operation besides its checked accesses (not calibrated).</param>
/// <param name="SyscallEntry">A user-mode syscall's way in besides the trap frame's checked accesses: the arch's entry code, the id check and the marshaller (not calibrated).</param>
/// <param name="SyscallExit">A user-mode syscall's way out: register scrubbing and the drop to user mode (not calibrated).</param>
public sealed record KernelCosts(
    uint KernelCallEntry,
    uint KernelCallExit,
    uint ContextSwitch,
    uint SemaphoreGive,
    uint SemaphoreTake,
    uint MutexLock,
    uint MutexUnlock,
    uint IsrEntry,
    uint IsrExit,
    uint ThreadCreate,
    uint IrqLock,
    uint EventOperation = 80,
    uint TimerOperation = 90,
    uint HeapOperation = 150,
    uint MemSlabOperation = 60,
    uint IpcOperation = 100,
    uint SyscallEntry = 60,
    uint SyscallExit = 40)
{
    /// <summary>The calibrated defaults.</summary>
    public static KernelCosts Default { get; } = new(
        KernelCallEntry: 20,
        KernelCallExit: 20,
        ContextSwitch: 454,
        SemaphoreGive: 120,
        SemaphoreTake: 100,
        MutexLock: 65,
        MutexUnlock: 75,
        IsrEntry: 40,
        IsrExit: 30,
        ThreadCreate: 1200,
        IrqLock: 2);
}
