namespace Bora.Kernel.Fatal;

/// <summary>Thrown when the host tries to run or change a kernel that has halted.</summary>
public sealed class KernelHaltedException : InvalidOperationException
{
    /// <summary>Creates the exception for a kernel halted with <paramref name="halt"/>.</summary>
    public KernelHaltedException(HaltInfo halt)
        : base($"the kernel has halted and cannot run again: {halt?.Message}. Inspect BoraKernel.Halt for the report, then dispose it and boot a new kernel.")
    {
        Halt = halt;
    }

    /// <summary>Creates the exception.</summary>
    public KernelHaltedException()
        : base("the kernel has halted")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KernelHaltedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public KernelHaltedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why the kernel halted.</summary>
    public HaltInfo? Halt { get; }
}
