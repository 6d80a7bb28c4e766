namespace Bora.Hal;

/// <summary>Why the CPU touches memory. Stacking kinds exist so that a backend can report them apart.</summary>
public enum AccessKind
{
    /// <summary>A data load.</summary>
    Read,

    /// <summary>A data store.</summary>
    Write,

    /// <summary>An instruction fetch.</summary>
    Execute,

    /// <summary>A store made by exception entry stacking (Cortex-M MSTKERR; other backends treat it as a write).</summary>
    StackPush,

    /// <summary>A load made by exception return unstacking (Cortex-M MUNSTKERR; other backends treat it as a read).</summary>
    StackPop,
}
