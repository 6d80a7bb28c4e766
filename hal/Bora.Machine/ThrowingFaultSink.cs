using System.Diagnostics.CodeAnalysis;
using Bora.Hal;

namespace Bora.Machine;

/// <summary>The fault sink of a bare machine: raises <see cref="MachineFaultException"/>.</summary>
public sealed class ThrowingFaultSink : IFaultSink
{
    /// <summary>The shared instance.</summary>
    public static ThrowingFaultSink Instance { get; } = new();

    /// <inheritdoc/>
    [DoesNotReturn]
    public void Raise(Cpu cpu, FaultRecord fault) => throw new MachineFaultException(fault);
}
