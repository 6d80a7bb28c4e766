namespace Bora.SyscallGen;

/// <summary>A valid syscall declaration, as the emitters need it.</summary>
internal sealed record SyscallModel(
    string Name,
    string DeclaringNamespace,
    string DeclaringTypeName,
    string MethodName,
    bool Implemented,
    string ReturnType,
    WordKind ReturnKind,
    string ReturnEnumUnderlying,
    EquatableArray<ParameterModel> Parameters)
{
    /// <summary>Zephyr's id name, <c>K_SYSCALL_</c> + the upper-cased name.</summary>
    public string IdName => "K_SYSCALL_" + Name.ToUpperInvariant();

    /// <summary>The user API name: <c>z_</c> + the name without its <c>k_</c> prefix.</summary>
    public string StubName => "z_" + (Name.StartsWith("k_", System.StringComparison.Ordinal) ? Name.Substring(2) : Name);

    /// <summary>The fully qualified declaring type.</summary>
    public string DeclaringType => "global::" + (DeclaringNamespace.Length == 0 ? string.Empty : DeclaringNamespace + ".") + DeclaringTypeName;

    /// <summary>Whether the result travels through a pointer (64-bit return on a 32-bit target).</summary>
    public bool ReturnsThroughPointer => WordCodec.WordCount(ReturnKind) == 2;

    /// <summary>The marshalled words: the arguments' words plus the result pointer.</summary>
    public int WordCount
    {
        get
        {
            int words = ReturnsThroughPointer ? 1 : 0;
            foreach (ParameterModel p in Parameters)
            {
                words += p.Words;
            }

            return words;
        }
    }
}
