namespace Bora.Abi;

/// <summary>
/// Zephyr's errno numbers (newlib-aligned, Zephyr 3.5–4.0). Kernel calls return them negated
/// (<c>-Errno.EBusy</c>); the user-copy helpers return them positive, as Zephyr's do.
/// </summary>
public static class Errno
{
    /// <summary>Operation not permitted.</summary>
    public const int EPerm = 1;

    /// <summary>No such file or directory.</summary>
    public const int ENoEnt = 2;

    /// <summary>Interrupted system call.</summary>
    public const int EIntr = 4;

    /// <summary>I/O error.</summary>
    public const int EIo = 5;

    /// <summary>Bad file number (not a kernel object).</summary>
    public const int EBadF = 9;

    /// <summary>Try again (a wait timed out).</summary>
    public const int EAgain = 11;

    /// <summary>Out of memory.</summary>
    public const int ENoMem = 12;

    /// <summary>Permission denied.</summary>
    public const int EAcces = 13;

    /// <summary>Bad address.</summary>
    public const int EFault = 14;

    /// <summary>Resource busy (not available without waiting).</summary>
    public const int EBusy = 16;

    /// <summary>Invalid argument.</summary>
    public const int EInval = 22;

    /// <summary>No space left.</summary>
    public const int ENoSpc = 28;

    /// <summary>No message of the desired type.</summary>
    public const int ENoMsg = 35;

    /// <summary>Resource deadlock would occur.</summary>
    public const int EDeadLk = 45;

    /// <summary>Function not implemented.</summary>
    public const int ENoSys = 88;

    /// <summary>Address already in use.</summary>
    public const int EAddrInUse = 112;

    /// <summary>Connection timed out.</summary>
    public const int ETimedOut = 116;

    /// <summary>Operation already in progress.</summary>
    public const int EAlready = 120;

    /// <summary>Not supported.</summary>
    public const int ENotSup = 134;

    /// <summary>Operation canceled.</summary>
    public const int ECanceled = 140;
}
