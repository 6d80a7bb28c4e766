using System.Diagnostics.CodeAnalysis;
using Bora.Hal;

namespace Bora.Machine;

/// <summary>Where a checked accessor sends a fault. It never returns: the faulting code does not continue.</summary>
public interface IFaultSink
{
    /// <summary>Takes the fault; must end the current flow of control (typically by throwing).</summary>
    [DoesNotReturn]
    void Raise(Cpu cpu, FaultRecord fault);
}
