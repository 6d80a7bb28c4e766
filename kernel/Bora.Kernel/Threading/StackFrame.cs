namespace Bora.Kernel.Threading;

/// <summary>
/// A frame reserved on the calling thread's simulated stack: SP moves down and the whole frame is
/// zeroed through the checked accessors at the current privilege (a prologue's pushes plus
/// initialised locals), so an overflow hits the stack guard or, on ARC, the stack-checking bounds
/// (<see cref="KernelOptions.StackFrameStoreKind"/>). Disposing it pops the frame.
/// </summary>
public sealed class StackFrame : IDisposable
{
    private readonly Cpu _cpu;
    private readonly uint _savedSp;
    private bool _popped;

    private StackFrame(Cpu cpu, uint savedSp, uint address, uint size)
    {
        _cpu = cpu;
        _savedSp = savedSp;
        Address = address;
        Size = size;
    }

    /// <summary>Lowest address of the frame (the new SP).</summary>
    public uint Address { get; }

    /// <summary>Bytes reserved.</summary>
    public uint Size { get; }

    /// <summary>Reserves <paramref name="bytes"/> (rounded up to 8) on the calling kernel thread's stack.</summary>
    /// <exception cref="InvalidOperationException">The caller is not a Bora kernel thread.</exception>
    public static StackFrame Push(uint bytes)
    {
        KernelContext context = KernelContext.Require(nameof(StackFrame) + "." + nameof(Push));
        Cpu cpu = context.Kernel.Machine.Cpu;
        uint size = (Math.Max(bytes, 4) + 7) & ~7u;
        uint savedSp = cpu.State.Sp;
        uint sp = savedSp - size;
        cpu.State.Sp = sp;
        AccessKind kind = context.Kernel.StackFrameStoreKind;
        if (kind != AccessKind.Write && cpu.Check(sp, size, kind, cpu.State.Privilege) is { } fault)
        {
            // An SP-based store the arch checks as a stack access (ARC stack checking): the model decides it as one.
            cpu.FaultSink.Raise(cpu, fault);
        }

        cpu.FillBlock(sp, size, 0);
        return new StackFrame(cpu, savedSp, sp, size);
    }

    /// <summary>Pops the frame.</summary>
    public void Dispose()
    {
        if (!_popped)
        {
            _popped = true;
            _cpu.State.Sp = _savedSp;
        }
    }
}
