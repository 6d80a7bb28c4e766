using System.Text.Json;

namespace Bora.Vectors;

/// <summary>Replays the vector files of one recorded architecture (the meta line's <c>arch</c>).</summary>
public interface IVectorArch
{
    /// <summary>The meta line's <c>arch</c> value this replayer understands, e.g. <c>armv7m-pmsav7</c>.</summary>
    string ArchName { get; }

    /// <summary>Starts a file: reads the meta line (memory map, harness reservations).</summary>
    /// <exception cref="VectorFormatException">The meta line lacks what this arch needs.</exception>
    IVectorSession Open(JsonElement meta);
}
