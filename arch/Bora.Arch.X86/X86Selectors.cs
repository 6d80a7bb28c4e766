namespace Bora.Arch.X86;

/// <summary>Zephyr's ia32 GDT selectors, as exception entry pushes them (<c>ia32/syscall.h</c>, <c>segmentation.h</c>).</summary>
public static class X86Selectors
{
    /// <summary>Kernel code segment (<c>CODE_SEG</c>), RPL 0.</summary>
    public const uint KernelCode = 0x08;

    /// <summary>Kernel data and stack segment (<c>DATA_SEG</c>), RPL 0.</summary>
    public const uint KernelData = 0x10;

    /// <summary>User code segment (<c>USER_CODE_SEG</c>), RPL 3.</summary>
    public const uint UserCode = 0x2B;

    /// <summary>User data and stack segment (<c>USER_DATA_SEG</c>), RPL 3.</summary>
    public const uint UserData = 0x33;
}
