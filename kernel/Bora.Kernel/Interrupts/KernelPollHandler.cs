namespace Bora.Kernel.Interrupts;

/// <summary>Forwards the CPU's poll points to the kernel.</summary>
internal sealed class KernelPollHandler(BoraKernel kernel) : IPollHandler
{
    public void Poll(Cpu cpu) => kernel.OnPoll();
}
