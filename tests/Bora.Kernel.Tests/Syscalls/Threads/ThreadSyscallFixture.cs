namespace Bora.Kernel.Tests.Syscalls.Threads;

/// <summary>
/// Base of the thread, semaphore, mutex and poll syscall tests (every board, as <see cref="SyscallFixture"/>): entry
/// addresses for <c>z_thread_create</c>, the validation code a user thread sees for an object, and a supervisor thread
/// parked for good (a live thread object and an in-use stack).
/// </summary>
public abstract class ThreadSyscallFixture : SyscallFixture
{
    /// <summary>The stack size of the threads the tests create (<c>KOBJECT_STACK_SIZE</c> in kobject.c is 512 or more).</summary>
    protected const uint StackSize = 1024;

    /// <summary>Creates the fixture for <paramref name="board"/>.</summary>
    protected ThreadSyscallFixture(string board)
        : base(board)
    {
    }

    /// <summary>The code address of <paramref name="entry"/> (a function pointer a user thread can pass to <c>z_thread_create</c>).</summary>
    protected uint EntryOf(ThreadEntry entry) => K.EntryAddressOf(entry);

    /// <summary>What <c>k_object_validate</c> says about <paramref name="obj"/> for the calling thread (to pin a bad argument's class).</summary>
    protected int ValidateForMe(KObjectHandle obj, KObjectKind kind, ObjectInitCheck init = ObjectInitCheck.MustBeInitialized) =>
        K.ObjectValidate(K.GetThread(k_current_get()), obj.Address, kind, init);

    /// <summary>From a supervisor thread: a supervisor thread with <paramref name="options"/> on <paramref name="stack"/> that sleeps for good.</summary>
    protected ThreadHandle ParkThread(string name, StackHandle stack, ThreadOptions options = 0)
    {
        ThreadHandle t = k_thread_create(K.DeclareThread(name), stack, StackSize, (_, _, _) => k_sleep(K_FOREVER), 0, 0, 0, K_PRIO_PREEMPT(5), options, K_NO_WAIT);
        k_sleep(K_MSEC(1));
        return t;
    }

    /// <summary>The state bits of the poll event at <paramref name="ev"/>.</summary>
    protected uint PollState(uint ev) => PollEventLayout.State(K.Machine.Cpu.ReadUInt32(ev + PollEventLayout.BitsOffset));
}
