namespace Bora.Kernel.Hosting;

/// <summary>
/// The exception numbers the kernel passes to the arch's exception model. The defaults are the
/// Cortex-M numbering; an arch backend supplies its own.
/// </summary>
/// <param name="Offload">Exception taken by <c>irq_offload</c> (SVC on Cortex-M).</param>
/// <param name="PendSv">Exception that performs a context switch (PendSV on Cortex-M).</param>
/// <param name="SysTick">The system timer's exception.</param>
/// <param name="IrqBase">Exception number of interrupt line 0.</param>
public sealed record ExceptionNumbers(int Offload, int PendSv, int SysTick, int IrqBase)
{
    /// <summary>Cortex-M numbering: SVC 11, PendSV 14, SysTick 15, external interrupts from 16.</summary>
    public static ExceptionNumbers Default { get; } = new(Offload: 11, PendSv: 14, SysTick: 15, IrqBase: 16);
}
