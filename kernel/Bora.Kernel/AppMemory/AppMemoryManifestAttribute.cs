namespace Bora.Kernel.AppMemory;

/// <summary>
/// Emitted by Bora.AppMemGen: names the generated type whose static <c>Manifest</c> property holds the assembly's
/// <see cref="AppMemoryManifest"/>. Not for hand use.
/// </summary>
/// <param name="manifestType">The generated type.</param>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class AppMemoryManifestAttribute(Type manifestType) : Attribute
{
    /// <summary>The generated type.</summary>
    public Type ManifestType { get; } = manifestType;
}
