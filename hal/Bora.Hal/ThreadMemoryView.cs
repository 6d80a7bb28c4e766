namespace Bora.Hal;

/// <summary>
/// What a protection driver sees of a thread: its stack object and buffer, its privilege-elevation
/// stack, its domain, and a place for the driver's own data (<c>struct _thread_arch</c>).
/// </summary>
public sealed class ThreadMemoryView
{
    /// <summary>Creates the view of a thread whose stack object is at <paramref name="stackObject"/>.</summary>
    public ThreadMemoryView(int id, string name, uint stackObject, uint stackObjectSize, uint stackStart, uint stackSize, DomainMemoryView domain)
    {
        Id = id;
        Name = name;
        StackObject = stackObject;
        StackObjectSize = stackObjectSize;
        StackStart = stackStart;
        StackSize = stackSize;
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
    }

    /// <summary>Kernel thread id.</summary>
    public int Id { get; }

    /// <summary>Thread name for reports.</summary>
    public string Name { get; }

    /// <summary>Start of the stack object (<c>thread->stack_obj</c>), reserved area included.</summary>
    public uint StackObject { get; }

    /// <summary>Size of the whole stack object.</summary>
    public uint StackObjectSize { get; }

    /// <summary>Start of the usable stack buffer (<c>stack_info.start</c>).</summary>
    public uint StackStart { get; }

    /// <summary>Size of the usable stack buffer (<c>stack_info.size</c>).</summary>
    public uint StackSize { get; }

    /// <summary>Whether the thread runs (or will run) in user mode: <c>K_USER</c> is set.</summary>
    public bool IsUser { get; set; }

    /// <summary>Start of the privilege-elevation stack (<c>priv_stack_start</c>); zero for a supervisor thread.</summary>
    public uint PrivilegedStackStart { get; set; }

    /// <summary>Size of the privilege-elevation stack; zero for a supervisor thread.</summary>
    public uint PrivilegedStackSize { get; set; }

    /// <summary>The domain the thread belongs to. During <c>ThreadRemove</c> it is still the old one.</summary>
    public DomainMemoryView Domain { get; set; }

    /// <summary>Whether the thread has exited (<c>_THREAD_DEAD</c>).</summary>
    public bool IsDead { get; set; }

    /// <summary>Driver-owned per-thread state.</summary>
    public object? ArchData { get; set; }
}
