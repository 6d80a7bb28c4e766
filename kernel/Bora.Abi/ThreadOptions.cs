namespace Bora.Abi;

/// <summary>Zephyr's thread option bits (<c>K_ESSENTIAL</c>, <c>K_USER</c>, ...).</summary>
[Flags]
public enum ThreadOptions : uint
{
    /// <summary>No option.</summary>
    None = 0,

    /// <summary><c>K_ESSENTIAL</c>: the thread's death is a fatal system error.</summary>
    Essential = 1u << 0,

    /// <summary><c>K_FP_REGS</c>: the thread uses floating-point registers.</summary>
    FpRegs = 1u << 1,

    /// <summary><c>K_USER</c>: the thread runs in user mode.</summary>
    User = 1u << 2,

    /// <summary><c>K_INHERIT_PERMS</c>: the child inherits the creator's object permissions.</summary>
    InheritPerms = 1u << 3,
}
