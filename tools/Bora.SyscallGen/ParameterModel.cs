namespace Bora.SyscallGen;

/// <summary>One syscall parameter: its name, its fully qualified type and how it marshals.</summary>
internal sealed record ParameterModel(string Name, string Type, WordKind Kind, string EnumUnderlying)
{
    /// <summary>How many 32-bit words it takes.</summary>
    public int Words => WordCodec.WordCount(Kind);
}
