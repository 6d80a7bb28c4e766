using System.Diagnostics;

namespace Bora.Kernel.Threading;

/// <summary>
/// A kernel thread (<c>struct k_thread</c>). The object lives at <see cref="KObject.Address"/> in the
/// kernel-object area; each incarnation (one <c>k_thread_create</c>) runs its entry on a host thread
/// of its own, which only runs while the scheduler has chosen it.
/// </summary>
[DebuggerDisplay("KThread {Id} '{ThreadName}' {States} prio={Priority}")]
public sealed class KThread : KObject
{
    internal KThread(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Thread, KObjectKind.Thread, name)
    {
        ThreadName = name;
        Timeout = new TimeoutEntry(() => kernel.OnThreadTimeout(this));
        States = ThreadStates.Dead;
    }

    /// <summary>Trace id of the current incarnation (0 until the thread is first created).</summary>
    public int Id { get; internal set; }

    /// <summary>The thread's name (<c>k_thread_name_set</c>); the object's symbol name by default.</summary>
    public string ThreadName { get; internal set; }

    /// <summary>Current (possibly inherited) priority.</summary>
    public int Priority { get; internal set; }

    /// <summary>Creation options.</summary>
    public ThreadOptions Options { get; internal set; }

    /// <summary>Scheduler state.</summary>
    public ThreadStates States { get; internal set; }

    /// <summary>The thread as a handle (<c>k_tid_t</c>).</summary>
    public ThreadHandle Handle => new(Address);

    /// <summary>Whether the thread has been created at least once.</summary>
    public bool WasCreated => Id != 0;

    /// <summary>Whether the thread is dead (aborted, returned, or never created).</summary>
    public bool IsDead => (States & ThreadStates.Dead) != 0;

    /// <summary>Whether the thread's death halts the kernel.</summary>
    public bool IsEssential => (Options & ThreadOptions.Essential) != 0;

    /// <summary>Whether the thread runs in user mode.</summary>
    public bool IsUser => (Options & ThreadOptions.User) != 0;

    /// <summary>
    /// The thread's index in every object's permission bitmap, or -1 while it has none. Taken at creation (or at the
    /// first grant to the thread object), given back at exit; see docs/kernel-objects.md.
    /// </summary>
    public int ThreadIndex { get; internal set; } = -1;

    /// <summary>A thread object is initialised while its thread is alive (created and not yet exited).</summary>
    public override bool IsInitialized => !IsDead;

    /// <summary>The stack object the thread runs on.</summary>
    public ThreadStack? Stack { get; internal set; }

    /// <summary>What the protection driver sees of the current incarnation (<see langword="null"/> without a driver).</summary>
    public ThreadMemoryView? MemoryView { get; internal set; }

    /// <summary>
    /// The heap the kernel allocates from on this thread's behalf (<c>resource_pool</c>: <c>z_thread_malloc</c>,
    /// <c>k_queue_alloc_append</c>, the <c>*_alloc_init</c> calls); <see langword="null"/> when none is assigned.
    /// </summary>
    public KHeap? ResourcePool { get; internal set; }

    /// <summary>The entry symbol.</summary>
    public Symbol? EntrySymbol { get; internal set; }

    internal List<int> IncarnationIds { get; } = [];

    internal ThreadEntry? Entry { get; set; }

    internal uint P1 { get; set; }

    internal uint P2 { get; set; }

    internal uint P3 { get; set; }

    internal CpuState Context { get; } = new();

    /// <summary>The exception frame stacked when the thread was switched out, until it resumes.</summary>
    internal ExceptionEntry? SwitchFrame { get; set; }

    /// <summary>The syscall this thread is serving from user mode (Zephyr's <c>_current-&gt;syscall_frame</c>), or <see langword="null"/>.</summary>
    internal Syscalls.SyscallFrame? SyscallFrame { get; set; }

    /// <summary>The user side of the syscall gate for this thread, made on its first user-mode <c>z_*</c> call.</summary>
    internal Syscalls.UserModeTrap? UserModeTrap { get; set; }

    internal bool IrqMasked { get; set; }

    internal int KernelDepth { get; set; }

    internal int SchedLocked { get; set; }

    internal int SwapRetval { get; set; }

    internal WaitQueue? PendedOn { get; set; }

    internal TimeoutEntry Timeout { get; }

    internal WaitQueue JoinQueue { get; } = new();

    internal LinkedListNode<KThread>? ReadyNode { get; set; }

    /// <summary>The ready-queue level the thread was enqueued at.</summary>
    internal int ReadyLevel { get; set; }

    /// <summary>The node this thread uses in the ready queue, allocated once.</summary>
    internal LinkedListNode<KThread>? ReadyLink { get; set; }

    internal long WaitSequence { get; set; }

    internal Thread? HostThread { get; set; }

    internal HandoffSlot? Slot { get; set; }

    /// <summary>Set once the host thread must unwind (the thread is dead and its C# code has not yet ended).</summary>
    internal bool Unwinding { get; set; }

    /// <summary>Where to hand the baton once a remotely requested unwind has finished.</summary>
    internal HandoffSlot? UnwindReturn { get; set; }

    /// <summary>Whether the thread's host thread has ended (it ran and finished, or was unwound).</summary>
    public bool HostExited { get; internal set; }

    /// <summary>Whether the current incarnation never received the CPU (so it has no host thread).</summary>
    public bool HostThreadNeverStarted => HostThread is null;

    internal bool IsRunnable => (States & (ThreadStates.Prestart | ThreadStates.Pending | ThreadStates.Suspended | ThreadStates.Sleeping | ThreadStates.Dead)) == 0;

    internal bool IsQueued => (States & ThreadStates.Queued) != 0;

    internal bool HasLiveHostThread => HostThread is not null && !HostExited;
}
