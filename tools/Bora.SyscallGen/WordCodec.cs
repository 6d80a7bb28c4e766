namespace Bora.SyscallGen;

/// <summary>The C# expressions that turn values into words and words back into values.</summary>
internal static class WordCodec
{
    private const string UInt = "uint";

    public static int WordCount(WordKind kind) => kind switch
    {
        WordKind.Void => 0,
        WordKind.Int64 or WordKind.UInt64 or WordKind.Timeout => 2,
        _ => 1,
    };

    /// <summary>The one word of a one-word value.</summary>
    public static string ToWord(WordKind kind, string type, string enumUnderlying, string value) => kind switch
    {
        WordKind.Bool => $"({value} ? 1u : 0u)",
        WordKind.Enum when enumUnderlying == UInt => $"(uint){value}",
        WordKind.Enum => $"(uint)({enumUnderlying}){value}",
        WordKind.Address => $"{value}.Address",
        _ when type == UInt => value,
        _ => $"(uint){value}",
    };

    /// <summary>The 64-bit image of a two-word value (split lo, hi).</summary>
    public static string ToImage(WordKind kind, string value) => kind == WordKind.Timeout
        ? $"global::Bora.Kernel.Syscalls.SyscallWords.FromTimeout({value})"
        : $"(ulong){value}";

    /// <summary>A one-word value from its word.</summary>
    public static string FromWord(WordKind kind, string type, string enumUnderlying, string word) => kind switch
    {
        WordKind.Bool => $"{word} != 0u",
        WordKind.Enum => $"({type})({enumUnderlying}){word}",
        WordKind.Address => $"new {type}({word})",
        _ when type == UInt => word,
        _ => $"({type}){word}",
    };

    /// <summary>A long or ulong from its 64-bit image.</summary>
    public static string FromImage(string type, string image) => $"({type}){image}";

    /// <summary>The 64-bit image of two words.</summary>
    public static string Join(string lo, string hi) => $"(((ulong){hi} << 32) | {lo})";
}
