namespace Bora.Arch.Arc;

/// <summary>
/// The exception registers of the core: ERET, ERBTA, ERSTATUS, ECR, EFA, plus BTA, INT_VECTOR_BASE and
/// AUX_IRQ_CTRL. A fault latches ECR and EFA when it is raised; exception entry saves the rest.
/// </summary>
internal sealed class ArcExceptionRegisters : IAuxRegisterBlock
{
    public uint Eret { get; set; }

    public uint Erbta { get; set; }

    public uint Erstatus { get; set; }

    public uint Ecr { get; set; }

    public uint Efa { get; set; }

    public uint Bta { get; set; }

    public uint IntVectorBase { get; set; }

    public uint AuxIrqCtrl { get; set; }

    /// <summary>Whether ECR/EFA hold a fault raised but not yet taken by exception entry.</summary>
    public bool FaultPending { get; set; }

    public void Latch(ArcEcr ecr, uint efa)
    {
        Ecr = ecr.Value;
        Efa = efa;
        FaultPending = true;
    }

    public bool TryRead(uint number, out uint value)
    {
        (bool known, value) = number switch
        {
            ArcAux.ERET => (true, Eret),
            ArcAux.ERBTA => (true, Erbta),
            ArcAux.ERSTATUS => (true, Erstatus),
            ArcAux.ECR => (true, Ecr),
            ArcAux.EFA => (true, Efa),
            ArcAux.BTA => (true, Bta),
            ArcAux.INT_VECTOR_BASE => (true, IntVectorBase),
            ArcAux.AUX_IRQ_CTRL => (true, AuxIrqCtrl),
            _ => (false, 0u),
        };
        return known;
    }

    public bool TryWrite(uint number, uint value)
    {
        switch (number)
        {
            case ArcAux.ERET:
                Eret = value;
                break;
            case ArcAux.ERBTA:
                Erbta = value;
                break;
            case ArcAux.ERSTATUS:
                Erstatus = value;
                break;
            case ArcAux.ECR:
                Ecr = value;
                break;
            case ArcAux.EFA:
                Efa = value;
                break;
            case ArcAux.BTA:
                Bta = value;
                break;
            case ArcAux.INT_VECTOR_BASE:
                // The vector table is 1 KiB aligned (bits [9:0] read as zero).
                IntVectorBase = value & ~0x3FFu;
                break;
            case ArcAux.AUX_IRQ_CTRL:
                AuxIrqCtrl = value;
                break;
            default:
                return false;
        }

        return true;
    }
}
