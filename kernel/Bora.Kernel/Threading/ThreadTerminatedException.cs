namespace Bora.Kernel.Threading;

/// <summary>
/// Unwinds the host thread of a kernel thread that was aborted, faulted or oopsed. Every later kernel
/// call or checked access from that host thread throws it again, so catching it cannot bring the
/// thread back; the kernel's entry wrapper is the only place that ends it. Do not catch it.
/// </summary>
public sealed class ThreadTerminatedException : Exception
{
    /// <summary>Creates the exception for the thread named <paramref name="threadName"/>.</summary>
    public ThreadTerminatedException(string threadName, int threadId)
        : base($"kernel thread '{threadName}' (id {threadId}) has been terminated; its host thread is unwinding")
    {
        ThreadName = threadName;
        ThreadId = threadId;
    }

    /// <summary>Creates the exception with a message (for serializers and tooling).</summary>
    public ThreadTerminatedException()
        : this("?", 0)
    {
    }

    /// <summary>Creates the exception with a message (for serializers and tooling).</summary>
    public ThreadTerminatedException(string message)
        : base(message)
    {
        ThreadName = "?";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ThreadTerminatedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ThreadName = "?";
    }

    /// <summary>Name of the terminated thread.</summary>
    public string ThreadName { get; }

    /// <summary>Trace id of the terminated thread.</summary>
    public int ThreadId { get; }
}
