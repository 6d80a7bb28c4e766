namespace Bora.Kernel.Objects;

/// <summary>
/// A pipe (<c>struct k_pipe</c>, kernel/pipes.c as of Zephyr 3.5–4.0): a byte ring in a caller buffer
/// in simulated memory (or none: size 0 pipes transfer directly), with waiting readers and writers.
/// Data goes to waiting readers first, then into the ring; reads take the ring first, then waiting
/// writers, then refill the ring from the remaining writers. Each thread copies its own data in or
/// out through the checked accessors in its own context.
/// </summary>
public sealed class KPipe : KObject, IPoolBufferedObject
{
    private readonly Dictionary<KThread, PipeTransfer> _transfers = [];

    internal KPipe(BoraKernel kernel, uint address, string name)
        : base(kernel, address, KObjectSizes.Pipe, KObjectKind.Pipe, name)
    {
    }

    /// <summary>First address of the ring buffer (0 without a buffer).</summary>
    public uint Buffer { get; private set; }

    /// <summary>Bytes in the ring buffer (0: no buffer).</summary>
    public uint BufferSize { get; private set; }

    /// <summary>Bytes queued in the ring.</summary>
    public uint BytesUsed { get; private set; }

    /// <summary>Threads waiting to read.</summary>
    public int ReaderCount => Readers.Count;

    /// <summary>Threads waiting to write.</summary>
    public int WriterCount => Writers.Count;

    /// <summary>The pipe as a handle.</summary>
    public PipeHandle Handle => new(Address);

    internal WaitQueue Readers { get; } = new();

    internal WaitQueue Writers { get; } = new();

    private uint ReadIndex { get; set; }

    private uint WriteIndex { get; set; }

    private Cpu Cpu => Kernel.Machine.Cpu;

    /// <summary>
    /// <c>k_pipe_init</c>: 0, or <c>-EINVAL</c> when a non-empty buffer is NULL, wraps the address space
    /// or overlaps kernel memory.
    /// </summary>
    internal int Init(uint buffer, uint size)
    {
        if (size > 0 && (buffer == 0 || !ObjectBuffer.Fits(Kernel.Layout, buffer, size)))
        {
            return -Errno.EInval;
        }

        InitStatic(buffer, size);
        return 0;
    }

    /// <summary><c>K_PIPE_DEFINE</c>: the image's own buffer (in kernel data) needs no check.</summary>
    internal void InitStatic(uint buffer, uint size)
    {
        Buffer = size > 0 ? buffer : 0;
        BufferSize = size;
        BytesUsed = 0;
        ReadIndex = 0;
        WriteIndex = 0;
        MarkInitialized();
    }

    /// <summary>
    /// <c>z_impl_k_pipe_put</c>: 0 (at least <paramref name="minXfer"/> bytes written, or all of them
    /// with <c>K_FOREVER</c>), <c>-EIO</c> (not waiting — always so in an ISR — and fewer than
    /// <paramref name="minXfer"/> could be written: nothing is written), <c>-EAGAIN</c> (timed out below
    /// <paramref name="minXfer"/>) or <c>-EINVAL</c> (<paramref name="minXfer"/> above the request).
    /// </summary>
    internal int Put(KThread caller, uint data, uint bytesToWrite, uint minXfer, KTimeout timeout, out uint written)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        written = 0;
        if (minXfer > bytesToWrite)
        {
            return -Errno.EInval;
        }

        bool noWait = timeout.IsNoWait || Kernel.InIsr;
        ulong canWrite = Available(Readers, bytesToWrite) + (BufferSize - BytesUsed);
        if (canWrite < minXfer && noWait)
        {
            return -Errno.EIo;
        }

        uint immediate = (uint)Math.Min(bytesToWrite, canWrite);
        bool complete = immediate == bytesToWrite || noWait || (!timeout.IsForever && immediate >= minXfer);
        byte[] source = ObjectBuffer.Read(Cpu, data, complete ? immediate : bytesToWrite);

        uint offset = 0;
        while (offset < immediate && Readers.First is { } reader)
        {
            PipeTransfer wanted = TransferOf(reader);
            uint take = Math.Min(wanted.Remaining, immediate - offset);
            wanted.Append(source.AsSpan((int)offset, (int)take));
            offset += take;
            if (wanted.Remaining > 0)
            {
                break;
            }

            Kernel.UnpendFirst(Readers, 0);
        }

        offset += WriteRing(source.AsSpan((int)offset, (int)(immediate - offset)));
        if (complete)
        {
            written = offset;
            return 0;
        }

        PipeTransfer mine = PipeTransfer.Writer(source, offset, bytesToWrite);
        _transfers[caller] = mine;
        _ = Kernel.Pend(caller, Writers, timeout);
        _transfers.Remove(caller);
        written = mine.Done;
        return written >= minXfer ? 0 : -Errno.EAgain;
    }

    /// <summary>
    /// <c>z_impl_k_pipe_get</c> (and, with <paramref name="discard"/>, the flushes, which read into no
    /// buffer): the same return codes as <see cref="Put"/>.
    /// </summary>
    internal int Get(KThread caller, uint data, bool discard, uint bytesToRead, uint minXfer, KTimeout timeout, out uint read)
    {
        Kernel.ChargeWork(Kernel.Costs.IpcOperation);
        read = 0;
        if (minXfer > bytesToRead)
        {
            return -Errno.EInval;
        }

        bool noWait = timeout.IsNoWait || Kernel.InIsr;
        ulong canRead = Available(Writers, bytesToRead) + BytesUsed;
        if (canRead < minXfer && noWait)
        {
            return -Errno.EIo;
        }

        PipeTransfer mine = PipeTransfer.Reader(bytesToRead, discard);
        ReadRing(mine, Math.Min(bytesToRead, BytesUsed));
        while (mine.Remaining > 0 && Writers.First is { } writer)
        {
            PipeTransfer offered = TransferOf(writer);
            mine.Append(offered.Take(Math.Min(offered.Remaining, mine.Remaining)));
            if (offered.Remaining > 0)
            {
                break;
            }

            Kernel.UnpendFirst(Writers, 0);
        }

        // Refill the ring from the writers still waiting.
        while (BytesUsed < BufferSize && Writers.First is { } writer)
        {
            PipeTransfer offered = TransferOf(writer);
            WriteRing(offered.Take(Math.Min(offered.Remaining, BufferSize - BytesUsed)));
            if (offered.Remaining > 0)
            {
                break;
            }

            Kernel.UnpendFirst(Writers, 0);
        }

        uint delivered = mine.Done;
        if (!discard && delivered > 0)
        {
            Cpu.WriteBlock(data, mine.Received);
        }

        if (delivered == bytesToRead || noWait || (!timeout.IsForever && delivered >= minXfer))
        {
            read = delivered;
            return 0;
        }

        _transfers[caller] = mine;
        _ = Kernel.Pend(caller, Readers, timeout);
        _transfers.Remove(caller);
        if (mine.Done > delivered)
        {
            Cpu.WriteBlock(data + delivered, mine.Received[(int)delivered..]);
        }

        read = mine.Done;
        return read >= minXfer ? 0 : -Errno.EAgain;
    }

    /// <summary><c>k_pipe_flush</c>: discards the ring and everything waiting writers offer (they complete).</summary>
    internal void Flush(KThread caller) => _ = Get(caller, 0, discard: true, uint.MaxValue, 0, KTimeout.NoWait, out _);

    /// <summary><c>k_pipe_buffer_flush</c>: discards up to a ring's worth of data; waiting writers then refill the ring.</summary>
    internal void BufferFlush(KThread caller)
    {
        if (BufferSize > 0)
        {
            _ = Get(caller, 0, discard: true, BufferSize, 0, KTimeout.NoWait, out _);
        }
    }

    /// <summary><c>k_pipe_cleanup</c>: 0, or <c>-EAGAIN</c> while threads wait (Bora has no <c>k_pipe_alloc_init</c> buffer to free).</summary>
    int IPoolBufferedObject.Cleanup() => Readers.Count > 0 || Writers.Count > 0 ? -Errno.EAgain : 0;

    /// <summary>Whether the ring came from a resource pool (<c>K_PIPE_FLAG_ALLOC</c>): cleanup frees it.</summary>
    public bool BufferAllocated { get; private set; }

    /// <summary>The rest of <c>k_pipe_alloc_init</c>: <paramref name="buffer"/> came from the caller's resource pool.</summary>
    internal void InitAllocated(uint buffer, uint size)
    {
        InitStatic(buffer, size);
        BufferAllocated = true;
    }

    /// <summary>The pool ring cleanup must free (0 when none); as in Zephyr the pipe becomes bufferless.</summary>
    uint IPoolBufferedObject.ReleaseAllocatedBuffer()
    {
        if (!BufferAllocated)
        {
            return 0;
        }

        uint buffer = Buffer;
        InitStatic(0, 0);
        BufferAllocated = false;
        return buffer;
    }

    /// <summary><c>pipe_waiter_list_populate</c>: what the waiters offer or want, counted until <paramref name="limit"/> is reached.</summary>
    private ulong Available(WaitQueue queue, uint limit)
    {
        ulong total = 0;
        foreach (KThread waiter in queue.Waiters)
        {
            total += TransferOf(waiter).Remaining;
            if (total >= limit)
            {
                break;
            }
        }

        return total;
    }

    private PipeTransfer TransferOf(KThread waiter) =>
        _transfers.TryGetValue(waiter, out PipeTransfer? transfer)
            ? transfer
            : throw new InvalidOperationException($"{this}: thread '{waiter.ThreadName}' waits on the pipe without a transfer (a Bora bug)");

    private uint WriteRing(ReadOnlySpan<byte> source)
    {
        uint total = 0;
        while (source.Length > 0 && BytesUsed < BufferSize)
        {
            uint run = Math.Min(Math.Min((uint)source.Length, BufferSize - BytesUsed), BufferSize - WriteIndex);
            Cpu.WriteBlock(Buffer + WriteIndex, source[..(int)run]);
            WriteIndex = WriteIndex + run == BufferSize ? 0 : WriteIndex + run;
            BytesUsed += run;
            total += run;
            source = source[(int)run..];
        }

        return total;
    }

    private void ReadRing(PipeTransfer reader, uint count)
    {
        while (count > 0)
        {
            uint run = Math.Min(count, BufferSize - ReadIndex);
            if (reader.Discard)
            {
                reader.Skip(run);
            }
            else
            {
                var bytes = new byte[run];
                Cpu.ReadBlock(Buffer + ReadIndex, bytes);
                reader.Append(bytes);
            }

            ReadIndex = ReadIndex + run == BufferSize ? 0 : ReadIndex + run;
            BytesUsed -= run;
            count -= run;
        }
    }
}
