using System.Text.Json;
using Bora.Arch.Arm;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Replays PMSAv7 configurations: per region MPU_RNR, then MPU_RBAR (VALID=0), then MPU_RASR.</summary>
internal sealed class ArmV7VectorSession : ArmVectorSession
{
    public ArmV7VectorSession(Board board, int regions)
        : base(board, regions)
    {
    }

    protected override void ProgramRegions(JsonElement config)
    {
        foreach (JsonElement region in config.GetProperty("regions").EnumerateArray())
        {
            uint index = region.GetProperty("index").GetUInt32();
            WriteRegister(ScsRegisters.MPU_RNR, index);
            WriteRegister(ScsRegisters.MPU_RBAR, region.GetProperty("rbar").GetUInt32());
            WriteRegister(ScsRegisters.MPU_RASR, region.GetProperty("rasr").GetUInt32());
            CompareReadback($"regions[{index}].rbar_readback", region.GetProperty("rbar_readback").GetUInt32(), ReadRegister(ScsRegisters.MPU_RBAR));
            CompareReadback($"regions[{index}].rasr_readback", region.GetProperty("rasr_readback").GetUInt32(), ReadRegister(ScsRegisters.MPU_RASR));
        }
    }
}
