namespace Bora.Arch.Arc;

/// <summary>
/// The exception cause register, ECR: VECTOR[23:16], CAUSE[15:8], PARAMETER[7:0]
/// (<c>Z_ARC_V2_ECR_VECTOR/CODE/PARAMETER</c>).
/// </summary>
/// <param name="Vector">The exception vector taken.</param>
/// <param name="Cause">The cause code within the vector (for EV_ProtV: 0 fetch, 1 read, 2 write).</param>
/// <param name="Parameter">The parameter (for EV_ProtV: 0x04 MPU, 0x02 stack checking; for EV_Trap: the trap number).</param>
public readonly record struct ArcEcr(ArcExceptionVector Vector, byte Cause, byte Parameter)
{
    /// <summary>EV_ProtV cause: instruction fetch.</summary>
    public const byte CauseFetch = 0x00;

    /// <summary>EV_ProtV cause: data load.</summary>
    public const byte CauseRead = 0x01;

    /// <summary>EV_ProtV cause: data store.</summary>
    public const byte CauseWrite = 0x02;

    /// <summary>EV_ProtV parameter: hardware stack checking.</summary>
    public const byte ParameterStackCheck = 0x02;

    /// <summary>EV_ProtV parameter: MPU.</summary>
    public const byte ParameterMpu = 0x04;

    /// <summary>EV_MachineCheck cause: illegal overlapping MPU entries.</summary>
    public const byte CauseOverlappingMpuEntries = 0x06;

    /// <summary>The register value.</summary>
    public uint Value => ((uint)Vector << 16) | ((uint)Cause << 8) | Parameter;

    /// <summary>Decodes a register value.</summary>
    public static ArcEcr FromValue(uint value) =>
        new((ArcExceptionVector)((value >> 16) & 0xFF), (byte)((value >> 8) & 0xFF), (byte)(value & 0xFF));

    /// <summary>The fields spelled out, e.g. <c>EV_ProtV, cause 0x02 (write), parameter 0x04 (MPU)</c>.</summary>
    public string Decode()
    {
        string cause = Vector == ArcExceptionVector.EV_ProtV
            ? Cause switch
            {
                CauseFetch => " (fetch)",
                CauseRead => " (read)",
                CauseWrite => " (write)",
                0x03 => " (read-modify-write)",
                _ => string.Empty,
            }
            : Vector == ArcExceptionVector.EV_MachineCheck && Cause == CauseOverlappingMpuEntries ? " (overlapping MPU entries)" : string.Empty;
        string parameter = Vector == ArcExceptionVector.EV_ProtV
            ? Parameter switch
            {
                ParameterStackCheck => " (stack check)",
                ParameterMpu => " (MPU)",
                0x24 => " (secure MPU)",
                0x08 => " (MMU)",
                _ => string.Empty,
            }
            : string.Empty;
        return $"{Vector}, cause 0x{Cause:X2}{cause}, parameter 0x{Parameter:X2}{parameter}";
    }

    /// <inheritdoc/>
    public override string ToString() => $"0x{Value:X8}";
}
