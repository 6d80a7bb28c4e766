using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>
/// Exception and interrupt delivery on ia32 through 32-bit interrupt gates (Intel SDM vol. 3A §6.12):
/// from CPL 3 the processor switches to the TSS ring-0 stack (<see cref="CpuState.OtherSp"/> = ESP0) and
/// pushes SS, ESP, EFLAGS, CS, EIP; from CPL 0 it pushes EFLAGS, CS, EIP on the current stack; then the
/// error code for the vectors that have one. Every push is a supervisor write checked by the paging
/// model. A page fault while pushing escalates as SDM Table 6-5 says: during a benign vector it is
/// delivered as #PF; during #PF or a contributory exception it becomes #DF, which Zephyr's ia32 takes
/// through a task gate (<c>_df_tss</c>) onto its own stack, so the faulting stack is not touched again;
/// a fault while delivering #DF shuts the processor down (<see cref="X86Vector.Shutdown"/>).
/// </summary>
/// <remarks>
/// The model pushes and pops frames and switches stacks and privilege; it does not model the IDT, so
/// <see cref="CpuState.Pc"/> is left for the kernel's dispatch to set. <see cref="CpuState.OtherSp"/>
/// keeps ESP0 (the TSS is not changed by delivery).
/// </remarks>
public sealed partial class X86ExceptionModel : IExceptionModel
{
    private const uint EntryClearedFlags = Eflags.IF | Eflags.TF | Eflags.NT | Eflags.RF | Eflags.VM;

    private readonly X86Mmu _mmu;
    private readonly Dictionary<ExceptionEntry, SavedTask> _doubleFaults = new(ReferenceEqualityComparer.Instance);
    private int _depth;

    /// <summary>Creates the exception model of the processor whose paging unit is <paramref name="mmu"/>.</summary>
    /// <param name="mmu">The paging unit: supplies the #PF error code the entry pushes.</param>
    /// <param name="doubleFaultStackTop">Initial ESP of the #DF task (Zephyr's <c>_df_tss</c> stack).</param>
    public X86ExceptionModel(X86Mmu mmu, uint doubleFaultStackTop = 0)
    {
        _mmu = mmu ?? throw new ArgumentNullException(nameof(mmu));
        DoubleFaultStackTop = doubleFaultStackTop;
    }

    /// <summary>Initial ESP of the #DF task gate's TSS.</summary>
    public uint DoubleFaultStackTop { get; set; }

    /// <inheritdoc/>
    public ExceptionEntry Enter(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        return Deliver(cpu, memory, exception, returnAddress);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The handler's <c>add $4, %esp</c> that discards an error code is part of the return, then IRET
    /// pops EIP, CS, EFLAGS and, when CS has RPL 3, ESP and SS. Returning from #DF is the task switch
    /// back (IRET with NT): the interrupted state comes from the TSS the task gate saved it in.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The entry was a shutdown, from which nothing returns.</exception>
    public ExceptionReturn Return(CpuState cpu, ICheckedMemory memory, ExceptionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Exception == X86Vector.Shutdown)
        {
            throw new InvalidOperationException("the processor shut down (triple fault): there is no context to return to");
        }

        if (_doubleFaults.Remove(entry, out SavedTask saved))
        {
            cpu.Sp = saved.Sp;
            cpu.Pc = saved.Pc;
            cpu.Status = saved.Status;
            cpu.Privilege = saved.Privilege;
            Leave(cpu);
            return new ExceptionReturn(saved.Privilege, saved.Pc, null);
        }

        uint sp = cpu.Sp + (X86Vector.HasErrorCode(entry.Exception) ? 4u : 0u);
        Span<uint> popped = stackalloc uint[5];
        int count = 3;
        for (int i = 0; i < count; i++)
        {
            if (memory.TryReadWord(sp, AccessKind.StackPop, Privilege.Supervisor, out popped[i]) is FaultRecord fault)
            {
                return new ExceptionReturn(cpu.Privilege, cpu.Pc, fault);
            }

            sp += 4;
            if (i == 1 && (popped[1] & 3) == 3)
            {
                // CS with RPL 3: IRET returns to the outer level and also pops ESP and SS.
                count = 5;
            }
        }

        uint eip = popped[0];
        uint eflags = popped[2];
        bool toUser = count == 5;
        uint resumedSp = toUser ? popped[3] : sp;

        cpu.Pc = eip;
        cpu.Status = eflags | Eflags.Reserved1;
        cpu.Privilege = toUser ? Privilege.User : Privilege.Supervisor;
        cpu.Sp = resumedSp;
        Leave(cpu);
        return new ExceptionReturn(cpu.Privilege, eip, null);
    }

    private ExceptionEntry Deliver(CpuState cpu, ICheckedMemory memory, int vector, uint returnAddress)
    {
        Privilege from = cpu.Privilege;
        uint interruptedSp = cpu.Sp;
        bool user = from == Privilege.User;
        uint sp = user ? cpu.OtherSp : cpu.Sp;
        Span<uint> frame = stackalloc uint[6];
        int words = 0;
        if (user)
        {
            frame[words++] = X86Selectors.UserData;
            frame[words++] = cpu.Sp;
        }

        frame[words++] = cpu.Status | Eflags.Reserved1;
        frame[words++] = user ? X86Selectors.UserCode : X86Selectors.KernelCode;
        frame[words++] = returnAddress;
        if (X86Vector.HasErrorCode(vector))
        {
            frame[words++] = vector == X86Vector.PageFault ? (uint)(_mmu.LastErrorCode ?? PageFaultErrorCode.None) : 0u;
        }

        foreach (uint word in frame[..words])
        {
            sp -= 4;
            if (memory.TryWriteWord(sp, word, AccessKind.StackPush, Privilege.Supervisor) is FaultRecord fault)
            {
                return Escalate(cpu, memory, vector, returnAddress, fault);
            }
        }

        cpu.Sp = sp;
        cpu.Privilege = Privilege.Supervisor;
        cpu.Status = (cpu.Status | Eflags.Reserved1) & ~EntryClearedFlags;
        Enter(cpu);
        return new ExceptionEntry(vector, from, interruptedSp, sp, null);
    }

    /// <summary>A push faulted: SDM Table 6-5 decides what is delivered instead. Nothing of the partial frame counts.</summary>
    private ExceptionEntry Escalate(CpuState cpu, ICheckedMemory memory, int first, uint returnAddress, FaultRecord fault)
    {
        if (fault is not X86FaultRecord || first == X86Vector.DoubleFault)
        {
            // A bus error on the stack, or a fault while delivering #DF: shutdown.
            return new ExceptionEntry(X86Vector.Shutdown, cpu.Privilege, cpu.Sp, cpu.Sp, fault);
        }

        if (first == X86Vector.PageFault || X86Vector.IsContributory(first))
        {
            return DoubleFault(cpu, memory, returnAddress, fault);
        }

        // A benign vector (an interrupt, int $0x80): the page fault is delivered in its place.
        ExceptionEntry entry = Deliver(cpu, memory, X86Vector.PageFault, returnAddress);
        return entry.StackingFault is null ? entry with { StackingFault = fault } : entry;
    }

    /// <summary>#DF through Zephyr's task gate: a hardware task switch onto the #DF stack, error code 0 pushed there.</summary>
    private ExceptionEntry DoubleFault(CpuState cpu, ICheckedMemory memory, uint returnAddress, FaultRecord cause)
    {
        uint sp = DoubleFaultStackTop - 4;
        if (memory.TryWriteWord(sp, 0, AccessKind.StackPush, Privilege.Supervisor) is FaultRecord fault)
        {
            return new ExceptionEntry(X86Vector.Shutdown, cpu.Privilege, cpu.Sp, cpu.Sp, fault);
        }

        var saved = new SavedTask(cpu.Sp, returnAddress, cpu.Status, cpu.Privilege);
        var entry = new ExceptionEntry(X86Vector.DoubleFault, cpu.Privilege, cpu.Sp, sp, cause);
        _doubleFaults[entry] = saved;
        cpu.Sp = sp;
        cpu.Privilege = Privilege.Supervisor;
        cpu.Status = Eflags.Reserved1;
        Enter(cpu);
        return entry;
    }

    private void Enter(CpuState cpu)
    {
        _depth++;
        cpu.InException = true;
    }

    private void Leave(CpuState cpu)
    {
        _depth = Math.Max(0, _depth - 1);
        cpu.InException = _depth > 0;
    }
}
