namespace Bora.Kernel.Objects;

/// <summary>
/// One side of a pipe transfer (Zephyr's <c>_pipe_desc</c>): a writer's source bytes (copied in from its
/// buffer in its own context) and how many have been consumed, or a reader's received bytes (copied
/// out to its buffer in its own context) and how many it asked for.
/// </summary>
internal sealed class PipeTransfer
{
    private byte[] _data;

    private PipeTransfer(byte[] data, uint done, uint total, bool discard)
    {
        _data = data;
        Done = done;
        Total = total;
        Discard = discard;
    }

    /// <summary>Bytes requested.</summary>
    public uint Total { get; }

    /// <summary>Bytes transferred so far.</summary>
    public uint Done { get; private set; }

    /// <summary>Bytes still to transfer.</summary>
    public uint Remaining => Total - Done;

    /// <summary>Whether received bytes are dropped (a flush reads into no buffer).</summary>
    public bool Discard { get; }

    /// <summary>The received bytes (a reader).</summary>
    public ReadOnlySpan<byte> Received => _data.AsSpan(0, (int)Done);

    /// <summary>A writer whose <paramref name="source"/> holds all <paramref name="total"/> bytes, <paramref name="done"/> of them already delivered.</summary>
    public static PipeTransfer Writer(byte[] source, uint done, uint total) => new(source, done, total, discard: false);

    /// <summary>A reader asking for <paramref name="total"/> bytes.</summary>
    public static PipeTransfer Reader(uint total, bool discard) => new([], 0, total, discard);

    /// <summary>Takes the next <paramref name="count"/> bytes from a writer.</summary>
    public ReadOnlySpan<byte> Take(uint count)
    {
        ReadOnlySpan<byte> span = _data.AsSpan((int)Done, (int)count);
        Done += count;
        return span;
    }

    /// <summary>Appends received bytes to a reader.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (!Discard)
        {
            int needed = (int)Done + bytes.Length;
            if (needed > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(needed, Math.Min((int)Math.Min(Total, int.MaxValue), Math.Max(64, _data.Length * 2))));
            }

            bytes.CopyTo(_data.AsSpan((int)Done));
        }

        Done += (uint)bytes.Length;
    }

    /// <summary>Counts <paramref name="count"/> bytes as received without keeping them (a discarding reader).</summary>
    public void Skip(uint count) => Done += count;
}
