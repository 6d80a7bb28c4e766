using System.Text.Json;
using Bora.Arch.Arm;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Replays PMSAv8 configurations: MPU_MAIR0/1, then per region MPU_RNR, MPU_RBAR, MPU_RLAR.</summary>
internal sealed class ArmV8VectorSession : ArmVectorSession
{
    public ArmV8VectorSession(Board board, int regions)
        : base(board, regions)
    {
    }

    protected override void ProgramRegions(JsonElement config)
    {
        WriteRegister(ScsRegisters.MPU_MAIR0, config.GetProperty("mair0").GetUInt32());
        WriteRegister(ScsRegisters.MPU_MAIR1, config.GetProperty("mair1").GetUInt32());
        foreach (JsonElement region in config.GetProperty("regions").EnumerateArray())
        {
            uint index = region.GetProperty("index").GetUInt32();
            WriteRegister(ScsRegisters.MPU_RNR, index);
            WriteRegister(ScsRegisters.MPU_RBAR, region.GetProperty("rbar").GetUInt32());
            WriteRegister(ScsRegisters.MPU_RLAR, region.GetProperty("rlar").GetUInt32());
            CompareReadback($"regions[{index}].rbar_readback", region.GetProperty("rbar_readback").GetUInt32(), ReadRegister(ScsRegisters.MPU_RBAR));
            CompareReadback($"regions[{index}].rlar_readback", region.GetProperty("rlar_readback").GetUInt32(), ReadRegister(ScsRegisters.MPU_RLAR));
        }
    }
}
