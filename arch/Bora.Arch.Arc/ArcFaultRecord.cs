using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// An ARC exception as the core latches it: ECR, EFA, the MPU's own cause register (MPU v2 only) and
/// the ERET/ERSTATUS values exception entry saves.
/// </summary>
public sealed class ArcFaultRecord : FaultRecord
{
    /// <summary>Creates the record of one ARC fault.</summary>
    /// <param name="arch">Backend that raised it.</param>
    /// <param name="faultClass">What kind of event it was.</param>
    /// <param name="access">The access that faulted.</param>
    /// <param name="ecr">The exception cause.</param>
    /// <param name="efa">The exception fault address (the first faulting byte).</param>
    /// <param name="mpuEcr">MPU_ECR as latched, or <see langword="null"/> when the MPU has no such register or did not raise the fault.</param>
    /// <param name="eret">The PC of the faulting instruction (ERET after entry).</param>
    /// <param name="erstatus">STATUS32 at the fault (ERSTATUS after entry).</param>
    public ArcFaultRecord(ArchId arch, FaultClass faultClass, MemoryAccess access, ArcEcr ecr, uint efa, uint? mpuEcr, uint eret, uint erstatus)
        : base(arch, ecr.Vector.ToString(), (int)ecr.Vector, faultClass, access, efa, BuildStatus(ecr, efa, mpuEcr, eret, erstatus))
    {
        Ecr = ecr;
        Efa = efa;
        MpuEcr = mpuEcr;
        Eret = eret;
        Erstatus = erstatus;
    }

    /// <summary>The exception cause register.</summary>
    public ArcEcr Ecr { get; }

    /// <summary>The exception fault address.</summary>
    public uint Efa { get; }

    /// <summary>MPU_ECR (EC_CODE 0x06, VT, REGION with 0xFF for the default region), when latched.</summary>
    public uint? MpuEcr { get; }

    /// <summary>The region MPU_ECR names (0xFF: the default region), when latched.</summary>
    public int? MpuRegion => MpuEcr is uint value ? (int)(value & 0xFF) : null;

    /// <summary>ERET: the PC of the faulting instruction.</summary>
    public uint Eret { get; }

    /// <summary>ERSTATUS: STATUS32 at the fault; bit 7 (U) tells whether the CPU was in user mode.</summary>
    public uint Erstatus { get; }

    private static StatusRegister[] BuildStatus(ArcEcr ecr, uint efa, uint? mpuEcr, uint eret, uint erstatus)
    {
        var registers = new List<StatusRegister>
        {
            new("ECR", ecr.Value, ecr.Decode()),
            new("EFA", efa, string.Empty),
        };
        if (mpuEcr is uint value)
        {
            uint region = value & 0xFF;
            string where = region == 0xFF ? "default region" : $"region {region}";
            registers.Add(new StatusRegister("MPU_ECR", value, $"VT={(value >> 8) & 3}, {where}"));
        }

        registers.Add(new StatusRegister("ERET", eret, string.Empty));
        registers.Add(new StatusRegister("ERSTATUS", erstatus, (erstatus & Status32.U) != 0 ? "U" : "K"));
        return [.. registers];
    }
}
