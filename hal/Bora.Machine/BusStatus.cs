namespace Bora.Machine;

/// <summary>How the bus completed an access.</summary>
public enum BusStatus
{
    /// <summary>The access completed.</summary>
    Ok,

    /// <summary>Nothing answered, a store hit ROM, or a device refused: a bus error.</summary>
    Error,
}
