namespace Bora.Kernel.Objects;

/// <summary>
/// The 32-bit layout of <c>struct k_poll_event</c> (Zephyr 3.5–4.0): <c>_node</c> (next, prev: 8),
/// <c>poller</c> (4), a bit-field word (<c>tag:8</c>, <c>type:6</c>, <c>state:7</c>, <c>mode:1</c>,
/// <c>unused:10</c>, allocated from the least significant bit) and the object pointer union (4).
/// </summary>
public static class PollEventLayout
{
    /// <summary><c>sizeof(struct k_poll_event)</c>.</summary>
    public const uint Size = 20;

    /// <summary>Offset of <c>_node.next</c>.</summary>
    public const uint NodeNextOffset = 0;

    /// <summary>Offset of <c>_node.prev</c>.</summary>
    public const uint NodePrevOffset = 4;

    /// <summary>Offset of <c>poller</c>.</summary>
    public const uint PollerOffset = 8;

    /// <summary>Offset of the bit-field word holding tag, type, state and mode.</summary>
    public const uint BitsOffset = 12;

    /// <summary>Offset of the object pointer (<c>obj</c>, <c>sem</c>, <c>queue</c>, <c>signal</c>, <c>msgq</c>).</summary>
    public const uint ObjOffset = 16;

    /// <summary>Width of <c>type</c> (<c>_POLL_NUM_TYPES</c>).</summary>
    public const int TypeBits = 6;

    /// <summary>Width of <c>state</c> (<c>_POLL_NUM_STATES</c>).</summary>
    public const int StateBits = 7;

    private const int TypeShift = 8;
    private const int StateShift = TypeShift + TypeBits;
    private const int ModeShift = StateShift + StateBits;
    private const uint TypeMask = (1u << TypeBits) - 1;
    private const uint StateMask = (1u << StateBits) - 1;

    /// <summary>The <c>tag</c> field of a bit-field word.</summary>
    public static byte Tag(uint bits) => (byte)bits;

    /// <summary>The <c>type</c> field of a bit-field word.</summary>
    public static uint Type(uint bits) => (bits >> TypeShift) & TypeMask;

    /// <summary>The <c>state</c> field of a bit-field word.</summary>
    public static uint State(uint bits) => (bits >> StateShift) & StateMask;

    /// <summary>The <c>mode</c> field of a bit-field word.</summary>
    public static int Mode(uint bits) => (int)((bits >> ModeShift) & 1);

    /// <summary>A bit-field word with <c>unused</c> 0.</summary>
    public static uint Pack(byte tag, uint type, uint state, int mode) =>
        tag | ((type & TypeMask) << TypeShift) | ((state & StateMask) << StateShift) | ((uint)(mode & 1) << ModeShift);

    /// <summary><paramref name="bits"/> with its <c>state</c> field replaced.</summary>
    public static uint WithState(uint bits, uint state) =>
        (bits & ~(StateMask << StateShift)) | ((state & StateMask) << StateShift);
}
