namespace Bora.Machine;

/// <summary>
/// One cached decision: a run of addresses inside a single RAM page that an access kind may touch at
/// the current privilege, with the page that backs it. <see cref="Length"/> zero means empty.
/// </summary>
internal struct DecisionWindow
{
    public uint Start;
    public ulong Length;
    public byte[] Page;
    public int PageOffset;

    public void Clear()
    {
        Length = 0;
        Page = null!;
    }
}
