namespace Bora.Hal;

/// <summary>
/// A protection model's answer for one byte address, valid for a window of addresses around it.
/// Every byte in <c>[WindowStart, WindowEnd]</c> (inclusive) gets the same answer for the same
/// access kind and privilege until the model invalidates its decisions, which is what lets the CPU
/// cache one decision for many accesses.
/// </summary>
public readonly struct AccessDecision
{
    private AccessDecision(bool allowed, uint windowStart, uint windowEnd, ulong physicalStart, int detail)
    {
        IsAllowed = allowed;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        PhysicalStart = physicalStart;
        Detail = detail;
    }

    /// <summary>Whether the access is permitted.</summary>
    public bool IsAllowed { get; }

    /// <summary>First address the decision holds for.</summary>
    public uint WindowStart { get; }

    /// <summary>Last address (inclusive) the decision holds for.</summary>
    public uint WindowEnd { get; }

    /// <summary>Physical address of <see cref="WindowStart"/> (equal to it unless the backend translates).</summary>
    public ulong PhysicalStart { get; }

    /// <summary>Backend-private detail (a region index, a fault cause) handed back to it when a fault is raised.</summary>
    public int Detail { get; }

    /// <summary>Translates an address inside the window to its physical address.</summary>
    public ulong Translate(uint address) => PhysicalStart + (address - WindowStart);

    /// <summary>An allowed access, identity mapped over the window.</summary>
    public static AccessDecision Allow(uint windowStart, uint windowEnd, int detail = 0) =>
        new(true, windowStart, windowEnd, windowStart, detail);

    /// <summary>An allowed access whose window is mapped at <paramref name="physicalStart"/>.</summary>
    public static AccessDecision AllowTranslated(uint windowStart, uint windowEnd, ulong physicalStart, int detail = 0) =>
        new(true, windowStart, windowEnd, physicalStart, detail);

    /// <summary>A denied access; <paramref name="detail"/> tells the backend how to report it.</summary>
    public static AccessDecision Deny(uint windowStart, uint windowEnd, int detail) =>
        new(false, windowStart, windowEnd, windowStart, detail);
}
