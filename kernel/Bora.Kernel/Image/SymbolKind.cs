namespace Bora.Kernel.Image;

/// <summary>What a text symbol is.</summary>
public enum SymbolKind
{
    /// <summary>A thread entry point.</summary>
    ThreadEntry,

    /// <summary>An interrupt service routine.</summary>
    Isr,

    /// <summary>Any other callable function.</summary>
    Function,

    /// <summary>Kernel code (idle loop, thread entry wrapper, fatal handler).</summary>
    Kernel,
}
