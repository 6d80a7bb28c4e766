using System.Text;

namespace Bora.Kernel.Syscalls;

/// <summary>The oops message of a user-mode call to a supervisor-only <c>k_*</c> API: it names the <c>z_*</c> to use (DESIGN §6).</summary>
internal static class SupervisorOnlyCall
{
    /// <summary>The message for <paramref name="call"/> made from user mode.</summary>
    public static string Message(KernelCall call)
    {
        string name = ZephyrName(call);
        string user = name.StartsWith("k_", StringComparison.Ordinal) ? "z_" + name[2..] : "z_" + name;
        return $"{name} is a supervisor-only kernel API called from user mode; a user thread calls {user} (Bora.Userspace.Z), which traps through the syscall gate";
    }

    /// <summary>The Zephyr name of a kernel call (the first one when the trace groups several).</summary>
    public static string ZephyrName(KernelCall call) => call switch
    {
        KernelCall.ClockGet => "k_uptime_ticks",
        KernelCall.USleep => "k_usleep",
        KernelCall.TimeSliceSet => "k_sched_time_slice_set",
        KernelCall.IrqLock => "irq_lock",
        KernelCall.IrqUnlock => "irq_unlock",
        KernelCall.IrqOffload => "irq_offload",
        KernelCall.IrqRaise => "irq_raise",
        KernelCall.IrqConfigure => "irq_enable",
        KernelCall.ObjectDefine => "k_object_define",
        KernelCall.EventPost => "k_event_post",
        KernelCall.HeapAlloc => "k_heap_alloc",
        KernelCall.HeapFree => "k_heap_free",
        KernelCall.QueueInsert => "k_queue_append",
        _ => "k_" + Snake(call.ToString()),
    };

    private static string Snake(string pascal)
    {
        var text = new StringBuilder();
        foreach (char ch in pascal)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(ch));
        }

        return text.ToString();
    }
}
