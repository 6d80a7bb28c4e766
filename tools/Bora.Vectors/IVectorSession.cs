using System.Text.Json;

namespace Bora.Vectors;

/// <summary>The replay of one vector file: one machine per configuration, one comparison per probe.</summary>
public interface IVectorSession
{
    /// <summary>Builds a fresh machine for a <c>config</c> record and programs it as the recording did.</summary>
    /// <exception cref="VectorFormatException">The record is malformed.</exception>
    void Configure(int configId, JsonElement config);

    /// <summary>
    /// Replays one <c>vector</c> record on the configured machine and compares the outcome and every
    /// fault status field the file records (following the flag policy of the vectors README).
    /// Returns the fields that disagree, empty when the model agrees.
    /// </summary>
    /// <exception cref="VectorFormatException">The record is malformed or no configuration precedes it.</exception>
    IReadOnlyList<FieldMismatch> Replay(JsonElement vector);
}
