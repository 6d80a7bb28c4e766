using Bora.Machine;

namespace Bora.Bench;

/// <summary>One protection model set up for the checked-access benchmark.</summary>
public interface IBenchTarget
{
    /// <summary>Short name shown in the results table.</summary>
    string Name { get; }

    /// <summary>
    /// Builds a machine whose CPU runs unprivileged and may read <c>[bufferBase, bufferBase + 64 KiB)</c>.
    /// With <paramref name="smallNeighbour"/>, a 32–256 B region with other permissions sits right next
    /// to the accessed bytes (inside the same 1 KiB page), where a page-granular cache would thrash.
    /// </summary>
    Cpu Build(bool smallNeighbour, out uint bufferBase);
}
