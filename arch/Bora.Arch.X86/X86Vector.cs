namespace Bora.Arch.X86;

/// <summary>IDT vectors the x86 model raises or delivers (Intel SDM vol. 3A Table 6-1).</summary>
public static class X86Vector
{
    /// <summary>#DF, double fault (error code 0).</summary>
    public const int DoubleFault = 8;

    /// <summary>#TS, invalid TSS.</summary>
    public const int InvalidTss = 10;

    /// <summary>#NP, segment not present.</summary>
    public const int SegmentNotPresent = 11;

    /// <summary>#SS, stack-segment fault.</summary>
    public const int StackSegmentFault = 12;

    /// <summary>#GP, general protection.</summary>
    public const int GeneralProtection = 13;

    /// <summary>#PF, page fault.</summary>
    public const int PageFault = 14;

    /// <summary>#AC, alignment check.</summary>
    public const int AlignmentCheck = 17;

    /// <summary>#MC, machine check: how the model reports a physical access nothing answers.</summary>
    public const int MachineCheck = 18;

    /// <summary>Zephyr's ia32 system-call vector (<c>int $0x80</c>).</summary>
    public const int Syscall = 0x80;

    /// <summary>Not a vector: a fault while delivering #DF shuts the processor down (triple fault).</summary>
    public const int Shutdown = -1;

    /// <summary>Whether delivering <paramref name="vector"/> pushes an error code.</summary>
    public static bool HasErrorCode(int vector) =>
        vector is DoubleFault or InvalidTss or SegmentNotPresent or StackSegmentFault or GeneralProtection or PageFault or AlignmentCheck;

    /// <summary>Contributory exceptions (SDM Table 6-4): #DE, #TS, #NP, #SS, #GP.</summary>
    public static bool IsContributory(int vector) =>
        vector is 0 or InvalidTss or SegmentNotPresent or StackSegmentFault or GeneralProtection;
}
