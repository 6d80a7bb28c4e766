namespace Bora.Kernel.Interrupts;

/// <summary>One interrupt line's configuration (what <c>IRQ_CONNECT</c> and <c>irq_enable</c> set).</summary>
internal sealed class IrqLine
{
    public IsrHandler? Handler { get; set; }

    public uint Arg { get; set; }

    public int Priority { get; set; }

    public bool Enabled { get; set; }

    public Symbol? Symbol { get; set; }
}
