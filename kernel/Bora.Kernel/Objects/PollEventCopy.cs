namespace Bora.Kernel.Objects;

/// <summary>
/// The kernel's copy of one <c>struct k_poll_event</c> for the duration of a <c>k_poll</c> call (as
/// <c>z_vrfy_k_poll</c> copies the array into kernel memory): signallers update it, and the poller
/// writes the result back to the caller's array in its own context when the call ends.
/// </summary>
internal sealed class PollEventCopy(Poller poller, uint address, uint bits, uint obj)
{
    /// <summary>The poll call this event belongs to.</summary>
    public Poller Poller { get; } = poller;

    /// <summary>Address of the event in simulated memory.</summary>
    public uint Address { get; } = address;

    /// <summary>The bit-field word as read at entry (tag, type, state, mode).</summary>
    public uint Bits { get; } = bits;

    /// <summary>The object pointer.</summary>
    public uint Obj { get; } = obj;

    /// <summary><c>type</c>.</summary>
    public uint Type => PollEventLayout.Type(Bits);

    /// <summary>The state bits (entry state OR'd with every state set since).</summary>
    public uint State { get; set; } = PollEventLayout.State(bits);

    /// <summary>Whether <c>register_event</c> linked it into an object's poll list.</summary>
    public bool Registered { get; set; }

    /// <summary>Whether the kernel changed it (so it is written back).</summary>
    public bool Touched { get; set; }

    /// <summary>The list it is linked into while registered.</summary>
    public PollEventList? List { get; set; }
}
