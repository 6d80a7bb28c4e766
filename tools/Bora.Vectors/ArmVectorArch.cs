using System.Text.Json;
using Bora.Arch.Arm;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Common part of the ARM replayers: the board is built from the meta line's memory map and MPU region count.</summary>
public abstract class ArmVectorArch : IVectorArch
{
    /// <inheritdoc/>
    public string ArchName => Arch.Name;

    /// <summary>The backend the file's arch maps to.</summary>
    protected abstract ArchId Arch { get; }

    /// <inheritdoc/>
    public IVectorSession Open(JsonElement meta)
    {
        BoardMemoryMap map = ArmVectorMemoryMap.Parse(meta);
        if (!meta.TryGetProperty("mpu_regions", out JsonElement regions) || !regions.TryGetInt32(out int count) || count is not (0 or 8 or 16))
        {
            throw new VectorFormatException("meta line without 'mpu_regions' (0, 8 or 16)");
        }

        string machine = meta.TryGetProperty("machine", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : ArchName;
        string cpu = meta.TryGetProperty("cpu", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "cortex-m";
        Board board = ArmBoards.Find(machine) is Board known
            ? known with { MemoryMap = map }
            : new Board(machine, cpu, Arch, map, ClockHz: 25_000_000);
        return CreateSession(board with { Arch = Arch }, count);
    }

    private protected abstract ArmVectorSession CreateSession(Board board, int regions);
}
