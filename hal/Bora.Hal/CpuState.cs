namespace Bora.Hal;

/// <summary>
/// The architectural state of the one modelled CPU that exception entry, syscall traps and context
/// switches read and write. Register numbering is the arch's own (ARM r0–r15, ARC r0–r31, x86 EAX…EDI).
/// </summary>
public sealed class CpuState
{
    /// <summary>Execution priority of thread mode (lower numbers are more urgent; ARM HardFault runs at -1).</summary>
    public const int ThreadModePriority = 256;

    /// <summary>General-purpose registers.</summary>
    public uint[] Registers { get; } = new uint[32];

    /// <summary>The active stack pointer.</summary>
    public uint Sp { get; set; }

    /// <summary>
    /// The banked stack pointer that is not active: ARM MSP while on PSP (or PSP while on MSP), the
    /// x86 TSS ring-0 stack, the ARC kernel stack of a user thread.
    /// </summary>
    public uint OtherSp { get; set; }

    /// <summary>Program counter (the code address being executed).</summary>
    public uint Pc { get; set; }

    /// <summary>Status word: xPSR, STATUS32 or EFLAGS.</summary>
    public uint Status { get; set; }

    /// <summary>Privilege the CPU currently runs at. A change raises <see cref="PrivilegeChanged"/>.</summary>
    public Privilege Privilege
    {
        get;
        set
        {
            if (field != value)
            {
                field = value;
                PrivilegeChanged?.Invoke();
            }
        }
    }

    /// <summary>Raised after <see cref="Privilege"/> takes a new value (mode switch, exception entry, context switch).</summary>
    public event Action? PrivilegeChanged;

    /// <summary>Whether an exception handler is running (ARM handler mode).</summary>
    public bool InException { get; set; }

    /// <summary>Current execution priority; <see cref="ThreadModePriority"/> in thread mode.</summary>
    public int ExecutionPriority { get; set; } = ThreadModePriority;

    /// <summary>Copies every field of <paramref name="other"/> into this state.</summary>
    public void CopyFrom(CpuState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Registers.CopyTo(Registers, 0);
        Sp = other.Sp;
        OtherSp = other.OtherSp;
        Pc = other.Pc;
        Status = other.Status;
        Privilege = other.Privilege;
        InException = other.InException;
        ExecutionPriority = other.ExecutionPriority;
    }
}
