namespace Bora.SyscallGen;

/// <summary>How a parameter or return type turns into 32-bit syscall words.</summary>
internal enum WordKind
{
    /// <summary>Not marshallable.</summary>
    Unsupported,

    /// <summary><c>void</c> (returns only).</summary>
    Void,

    /// <summary>A 32-bit or narrower signed integer (int, short, sbyte): one word, sign-extended.</summary>
    Signed,

    /// <summary>A 32-bit or narrower unsigned integer (uint, ushort, byte): one word.</summary>
    Unsigned,

    /// <summary>bool: one word, non-zero is true.</summary>
    Bool,

    /// <summary>An enum of 32 bits or less: one word through its underlying type.</summary>
    Enum,

    /// <summary>long: two words, lo then hi.</summary>
    Int64,

    /// <summary>ulong: two words, lo then hi.</summary>
    UInt64,

    /// <summary>Bora.Abi.KTimeout: two words through SyscallWords.</summary>
    Timeout,

    /// <summary>A struct with a uint Address property and a uint constructor (UserPtr, kernel-object handles): one word.</summary>
    Address,
}
