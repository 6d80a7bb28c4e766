using Bora.Hal;

namespace Bora.Machine;

/// <summary>Thrown by the default fault sink: a checked access faulted and nothing took the fault.</summary>
public sealed class MachineFaultException : Exception
{
    /// <summary>Creates the exception for <paramref name="fault"/>.</summary>
    public MachineFaultException(FaultRecord fault)
        : base(fault?.ToString())
    {
        Fault = fault ?? throw new ArgumentNullException(nameof(fault));
    }

    /// <summary>The fault the hardware raised.</summary>
    public FaultRecord Fault { get; }
}
