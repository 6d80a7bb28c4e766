namespace Bora.Vectors;

/// <summary>A vector file that cannot be read: not JSON lines, a missing meta line, an unknown arch, a malformed record.</summary>
public sealed class VectorFormatException : Exception
{
    /// <summary>Creates the exception with a message saying what is wrong and where.</summary>
    public VectorFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public VectorFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
