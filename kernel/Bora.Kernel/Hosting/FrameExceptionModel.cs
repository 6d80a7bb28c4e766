namespace Bora.Kernel.Hosting;

/// <summary>
/// An arch-neutral exception model for boards without an arch backend: exception entry pushes an
/// eight-word frame (r0–r3, r12, lr, pc, status) on the interrupted stack at the interrupted
/// privilege and runs the handler privileged on the same stack; return pops it.
/// </summary>
public sealed partial class FrameExceptionModel : IExceptionModel
{
    /// <summary>Bytes of one frame.</summary>
    public const uint FrameBytes = 32;

    /// <inheritdoc/>
    public ExceptionEntry Enter(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        Privilege interrupted = cpu.Privilege;
        uint sp = cpu.Sp;
        uint frame = (sp - FrameBytes) & ~7u;
        uint[] words = [cpu.Registers[0], cpu.Registers[1], cpu.Registers[2], cpu.Registers[3], cpu.Registers[12], cpu.Registers[14], returnAddress, cpu.Status];
        FaultRecord? fault = null;
        for (int i = words.Length - 1; i >= 0 && fault is null; i--)
        {
            fault = memory.TryWriteWord(frame + (uint)(i * 4), words[i], AccessKind.StackPush, interrupted);
        }

        cpu.Sp = frame;
        cpu.Privilege = Privilege.Supervisor;
        cpu.InException = true;
        cpu.ExecutionPriority = 0;
        return new ExceptionEntry(exception, interrupted, sp, frame, fault);
    }

    /// <inheritdoc/>
    public ExceptionReturn Return(CpuState cpu, ICheckedMemory memory, ExceptionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(entry);
        var words = new uint[8];
        FaultRecord? fault = null;
        for (int i = 0; i < words.Length && fault is null; i++)
        {
            fault = memory.TryReadWord(entry.FrameAddress + (uint)(i * 4), AccessKind.StackPop, entry.InterruptedPrivilege, out words[i]);
        }

        cpu.Privilege = entry.InterruptedPrivilege;
        cpu.InException = false;
        cpu.ExecutionPriority = CpuState.ThreadModePriority;
        cpu.Sp = entry.InterruptedSp;
        if (fault is not null)
        {
            return new ExceptionReturn(entry.InterruptedPrivilege, cpu.Pc, fault);
        }

        cpu.Registers[0] = words[0];
        cpu.Registers[1] = words[1];
        cpu.Registers[2] = words[2];
        cpu.Registers[3] = words[3];
        cpu.Registers[12] = words[4];
        cpu.Registers[14] = words[5];
        cpu.Pc = words[6];
        cpu.Status = words[7];
        return new ExceptionReturn(entry.InterruptedPrivilege, words[6], null);
    }
}
