using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_poll</c> API. Event arrays are addresses of <c>struct k_poll_event</c>s in simulated memory.</summary>
public static partial class K
{
    /// <summary><c>EINTR</c>.</summary>
    public const int EINTR = Errno.EIntr;

    /// <summary><c>K_POLL_TYPE_IGNORE</c>.</summary>
    public const uint K_POLL_TYPE_IGNORE = PollType.Ignore;

    /// <summary><c>K_POLL_TYPE_SIGNAL</c>.</summary>
    public const uint K_POLL_TYPE_SIGNAL = PollType.Signal;

    /// <summary><c>K_POLL_TYPE_SEM_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_SEM_AVAILABLE = PollType.SemAvailable;

    /// <summary><c>K_POLL_TYPE_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_DATA_AVAILABLE = PollType.DataAvailable;

    /// <summary><c>K_POLL_TYPE_FIFO_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_FIFO_DATA_AVAILABLE = PollType.DataAvailable;

    /// <summary><c>K_POLL_TYPE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_TYPE_MSGQ_DATA_AVAILABLE = PollType.MsgqDataAvailable;

    /// <summary><c>K_POLL_TYPE_PIPE_DATA_AVAILABLE</c> (not supported: k_poll returns -EINVAL).</summary>
    public const uint K_POLL_TYPE_PIPE_DATA_AVAILABLE = PollType.PipeDataAvailable;

    /// <summary><c>K_POLL_STATE_NOT_READY</c>.</summary>
    public const uint K_POLL_STATE_NOT_READY = PollState.NotReady;

    /// <summary><c>K_POLL_STATE_SIGNALED</c>.</summary>
    public const uint K_POLL_STATE_SIGNALED = PollState.Signaled;

    /// <summary><c>K_POLL_STATE_SEM_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_SEM_AVAILABLE = PollState.SemAvailable;

    /// <summary><c>K_POLL_STATE_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_DATA_AVAILABLE = PollState.DataAvailable;

    /// <summary><c>K_POLL_STATE_FIFO_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_FIFO_DATA_AVAILABLE = PollState.DataAvailable;

    /// <summary><c>K_POLL_STATE_CANCELLED</c>.</summary>
    public const uint K_POLL_STATE_CANCELLED = PollState.Cancelled;

    /// <summary><c>K_POLL_STATE_MSGQ_DATA_AVAILABLE</c>.</summary>
    public const uint K_POLL_STATE_MSGQ_DATA_AVAILABLE = PollState.MsgqDataAvailable;

    /// <summary><c>K_POLL_MODE_NOTIFY_ONLY</c>.</summary>
    public const int K_POLL_MODE_NOTIFY_ONLY = 0;

    /// <summary><c>sizeof(struct k_poll_event)</c>.</summary>
    public const uint K_POLL_EVENT_SIZE = PollEventLayout.Size;

    /// <summary><c>k_poll_event_init</c>: the tag is left as it was; a bad mode or type, or a NULL object, is an oops.</summary>
    public static void k_poll_event_init(uint @event, uint type, int mode, uint obj)
    {
        KernelContext c = Ctx();
        c.Kernel.PollEventInit(c.Thread, @event, type, mode, obj);
    }

    /// <summary><c>K_POLL_EVENT_STATIC_INITIALIZER</c> written at <paramref name="event"/> (no checks, as the macro has none).</summary>
    public static void K_POLL_EVENT_STATIC_INITIALIZER(uint @event, uint type, int mode, uint obj, byte tag)
    {
        KernelContext c = Ctx();
        c.Kernel.WritePollEvent(@event, tag, type, mode, obj);
    }

    /// <summary><c>K_POLL_EVENT_INITIALIZER</c> written at <paramref name="event"/> (tag 0).</summary>
    public static void K_POLL_EVENT_INITIALIZER(uint @event, uint type, int mode, uint obj) =>
        K_POLL_EVENT_STATIC_INITIALIZER(@event, type, mode, obj, 0);

    /// <summary>
    /// <c>k_poll</c> (a syscall): 0, -EAGAIN, -EINTR or -EINVAL. From user mode the verifier works on a kernel copy of
    /// the events array allocated from the caller's resource pool (<c>-ENOMEM</c> without one), checks each event's
    /// object by type, and copies the states back (docs/syscalls.md).
    /// </summary>
    [Syscall]
    public static int k_poll(uint events, int num_events, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPoll(c.Thread, events, num_events, timeout);
    }

    private static int z_vrfy_k_poll(uint events, int num_events, KTimeout timeout)
    {
        if (K_SYSCALL_VERIFY(num_events >= 0))
        {
            return -Errno.EInval;
        }

        ulong bounds = (ulong)(uint)num_events * PollEventLayout.Size;
        if (K_SYSCALL_VERIFY_MSG(bounds <= uint.MaxValue, "num_events too large"))
        {
            return -Errno.EInval;
        }

        KernelContext c = Ctx();
        uint copy = c.Kernel.ThreadMalloc(c.Thread, bounds);
        if (copy == 0)
        {
            return -Errno.ENoMem;
        }

        if (K_SYSCALL_MEMORY_WRITE(new UserPtr(events), bounds))
        {
            c.Kernel.HeapFree(c.Thread, copy);
            K_OOPS(true);
        }

        Cpu cpu = c.Kernel.Machine.Cpu;
        byte[] buffer = new byte[bounds];
        cpu.ReadBlock(events, buffer);
        cpu.WriteBlock(copy, buffer);
        for (int i = 0; i < num_events; i++)
        {
            uint bits = cpu.ReadUInt32(copy + ((uint)i * PollEventLayout.Size) + PollEventLayout.BitsOffset);
            var obj = new KObjectHandle(cpu.ReadUInt32(copy + ((uint)i * PollEventLayout.Size) + PollEventLayout.ObjOffset));
            if (K_SYSCALL_VERIFY(PollEventLayout.Mode(bits) == K_POLL_MODE_NOTIFY_ONLY))
            {
                c.Kernel.HeapFree(c.Thread, copy);
                return -Errno.EInval;
            }

            KObjectKind? kind = PollEventLayout.Type(bits) switch
            {
                PollType.Ignore => null,
                PollType.Signal => K_OBJ_POLL_SIGNAL,
                PollType.SemAvailable => K_OBJ_SEM,
                PollType.DataAvailable => K_OBJ_QUEUE,
                PollType.MsgqDataAvailable => K_OBJ_MSGQ,
                PollType.PipeDataAvailable => K_OBJ_PIPE,
                _ => KObjectKind.Any,
            };
            if (kind == KObjectKind.Any)
            {
                c.Kernel.HeapFree(c.Thread, copy);
                return -Errno.EInval;
            }

            // Zephyr leaks the copy when this oopses; Bora gives it back first.
            if (kind is { } expected && K_SYSCALL_OBJ(obj, expected))
            {
                c.Kernel.HeapFree(c.Thread, copy);
                K_OOPS(true, $"K_SYSCALL_OBJ(events[{i}].obj, {expected})");
            }
        }

        int ret = k_poll(copy, num_events, timeout);
        cpu.ReadBlock(copy, buffer);
        cpu.WriteBlock(events, buffer);
        c.Kernel.HeapFree(c.Thread, copy);
        return ret;
    }

    /// <summary><c>k_poll_signal_init</c> (a syscall; the verifier checks the object in any init state).</summary>
    [Syscall]
    public static void k_poll_signal_init(PollSignalHandle sig)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPollSignalInit(c.Thread, sig);
    }

    private static void z_vrfy_k_poll_signal_init(PollSignalHandle sig)
    {
        K_OOPS(K_SYSCALL_OBJ_INIT(sig, K_OBJ_POLL_SIGNAL));
        k_poll_signal_init(sig);
    }

    /// <summary><c>k_poll_signal_raise</c> (a syscall; the verifier checks the object): 0.</summary>
    [Syscall]
    public static int k_poll_signal_raise(PollSignalHandle sig, int result)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPollSignalRaise(c.Thread, sig, result);
    }

    private static int z_vrfy_k_poll_signal_raise(PollSignalHandle sig, int result)
    {
        K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
        return k_poll_signal_raise(sig, result);
    }

    /// <summary><c>k_poll_signal_reset</c> (a syscall; the verifier checks the object).</summary>
    [Syscall]
    public static void k_poll_signal_reset(PollSignalHandle sig)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPollSignalReset(c.Thread, sig);
    }

    private static void z_vrfy_k_poll_signal_reset(PollSignalHandle sig)
    {
        K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
        k_poll_signal_reset(sig);
    }

    /// <summary>
    /// <c>k_poll_signal_check</c> (a syscall) into the words at <paramref name="signaled"/> and <paramref name="result"/>
    /// (0 skips one from supervisor mode); from user mode both must be writable by the caller.
    /// </summary>
    [Syscall]
    public static void k_poll_signal_check(PollSignalHandle sig, uint signaled, uint result)
    {
        KernelContext c = Ctx();
        _ = c.Kernel.CallPollSignalCheck(c.Thread, sig, signaled, result);
    }

    private static void z_vrfy_k_poll_signal_check(PollSignalHandle sig, uint signaled, uint result)
    {
        K_OOPS(K_SYSCALL_OBJ(sig, K_OBJ_POLL_SIGNAL));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(signaled), 4));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(result), 4));
        k_poll_signal_check(sig, signaled, result);
    }

    /// <summary><c>k_poll_signal_check</c> into locals.</summary>
    public static void k_poll_signal_check(PollSignalHandle sig, out uint signaled, out int result)
    {
        KernelContext c = Ctx();
        (signaled, result) = c.Kernel.CallPollSignalCheck(c.Thread, sig, 0, 0);
    }
}
