using System.Diagnostics.CodeAnalysis;

namespace Bora.Kernel.Fatal;

/// <summary>Turns a checked access's hardware fault into a kernel fatal error.</summary>
internal sealed class KernelFaultSink(BoraKernel kernel) : IFaultSink
{
    [DoesNotReturn]
    public void Raise(Cpu cpu, FaultRecord fault) => kernel.OnMachineFault(fault);
}
