namespace Bora.Kernel;

/// <summary>Pipes: definition (host API) and kernel calls.</summary>
public sealed partial class BoraKernel
{
    /// <summary>Defines an initialised pipe (<c>K_PIPE_DEFINE</c>) with a ring of <paramref name="size"/> bytes reserved in kernel data (0: no buffer).</summary>
    public PipeHandle DefinePipe(string name, uint size, uint alignment = 4)
    {
        EnsureHostAccess(nameof(DefinePipe));
        KPipe pipe = DeclarePipeCore(name);
        uint buffer = size == 0 ? 0 : Layout.KernelData.Allocate(size, alignment, $"k_pipe '{name}' buffer");
        pipe.InitStatic(buffer, size);
        return pipe.Handle;
    }

    /// <summary>Declares an uninitialised pipe (a global <c>struct k_pipe name;</c>; call <c>k_pipe_init</c> before use).</summary>
    public PipeHandle DeclarePipe(string name)
    {
        EnsureHostAccess(nameof(DeclarePipe));
        return DeclarePipeCore(name).Handle;
    }

    /// <summary>The pipe at <paramref name="handle"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a pipe.</exception>
    public KPipe GetPipe(PipeHandle handle) =>
        _objects.GetValueOrDefault(handle.Address) as KPipe ?? throw new ArgumentException($"{handle} is not a pipe", nameof(handle));

    internal int CallPipeInit(KThread caller, PipeHandle pipe, uint buffer, uint size)
    {
        Enter(caller, KernelCall.PipeInit);
        return Exit(caller, KernelCall.PipeInit, LookupPipe(caller, pipe).Init(buffer, size));
    }

    /// <summary>
    /// <c>k_pipe_put</c>: the count goes to <paramref name="bytesWrittenAddress"/> through the checked
    /// accessors (when <paramref name="storeCount"/>; NULL is <c>-EINVAL</c>, as Zephyr's check) and to
    /// <paramref name="written"/>.
    /// </summary>
    internal int CallPipePut(KThread caller, PipeHandle pipe, uint data, uint bytesToWrite, uint bytesWrittenAddress, bool storeCount, uint minXfer, KTimeout timeout, out uint written)
    {
        Enter(caller, KernelCall.PipePut);
        KPipe p = LookupPipe(caller, pipe);
        written = 0;
        if (storeCount && bytesWrittenAddress == 0)
        {
            return Exit(caller, KernelCall.PipePut, -Errno.EInval);
        }

        int result = p.Put(caller, data, bytesToWrite, minXfer, timeout, out written);
        if (storeCount && result != -Errno.EInval)
        {
            _cpu.WriteUInt32(bytesWrittenAddress, written);
        }

        return Exit(caller, KernelCall.PipePut, result);
    }

    /// <summary><c>k_pipe_get</c>: the count goes to <paramref name="bytesReadAddress"/> (as <see cref="CallPipePut"/>) and to <paramref name="read"/>.</summary>
    internal int CallPipeGet(KThread caller, PipeHandle pipe, uint data, uint bytesToRead, uint bytesReadAddress, bool storeCount, uint minXfer, KTimeout timeout, out uint read)
    {
        Enter(caller, KernelCall.PipeGet);
        KPipe p = LookupPipe(caller, pipe);
        read = 0;
        if (storeCount && bytesReadAddress == 0)
        {
            return Exit(caller, KernelCall.PipeGet, -Errno.EInval);
        }

        int result = p.Get(caller, data, discard: false, bytesToRead, minXfer, timeout, out read);
        if (storeCount && result != -Errno.EInval)
        {
            _cpu.WriteUInt32(bytesReadAddress, read);
        }

        return Exit(caller, KernelCall.PipeGet, result);
    }

    internal void CallPipeFlush(KThread caller, PipeHandle pipe, bool bufferOnly)
    {
        KernelCall call = bufferOnly ? KernelCall.PipeBufferFlush : KernelCall.PipeFlush;
        Enter(caller, call);
        KPipe p = LookupPipe(caller, pipe);
        if (bufferOnly)
        {
            p.BufferFlush(caller);
        }
        else
        {
            p.Flush(caller);
        }

        Exit(caller, call, 0);
    }

    /// <summary><c>k_pipe_read_avail</c> or <c>k_pipe_write_avail</c>.</summary>
    internal uint CallPipeAvail(KThread caller, PipeHandle pipe, bool write)
    {
        Enter(caller, KernelCall.PipeAvail);
        KPipe p = LookupPipe(caller, pipe);
        uint value = write ? p.BufferSize - p.BytesUsed : p.BytesUsed;
        Exit(caller, KernelCall.PipeAvail, (int)value);
        return value;
    }

    internal int CallPipeCleanup(KThread caller, PipeHandle pipe)
    {
        Enter(caller, KernelCall.PipeCleanup);
        int result = CleanupPoolObject(LookupPipe(caller, pipe), out uint poolBuffer);
        HeapFree(caller, poolBuffer);

        return Exit(caller, KernelCall.PipeCleanup, result);
    }

    private KPipe LookupPipe(KThread caller, PipeHandle pipe) => Lookup<KPipe>(caller, pipe.Address, "k_pipe");

    private KPipe DeclarePipeCore(string name)
    {
        return DefineObject(name, KObjectSizes.Pipe, "k_pipe", address => new KPipe(this, address, name));
    }
}
