namespace Bora.Hal;

/// <summary>
/// A hardware fault as the arch raised it: the exception taken, the architectural status registers
/// and the faulting address. Backends derive from it to expose typed fields; consumers that know no
/// arch read the common members.
/// </summary>
public class FaultRecord
{
    /// <summary>Creates a fault record.</summary>
    /// <param name="arch">Backend that raised it.</param>
    /// <param name="exceptionName">The arch's name for the exception (<c>MemManage</c>, <c>EV_ProtV</c>, <c>#PF</c>).</param>
    /// <param name="vector">Exception number or vector.</param>
    /// <param name="faultClass">What kind of event it was.</param>
    /// <param name="access">The access that faulted.</param>
    /// <param name="faultAddress">The address the hardware reports, or <see langword="null"/> when its address register is not valid.</param>
    /// <param name="statusRegisters">Status registers as latched by the fault.</param>
    public FaultRecord(
        ArchId arch,
        string exceptionName,
        int vector,
        FaultClass faultClass,
        MemoryAccess access,
        uint? faultAddress,
        IReadOnlyList<StatusRegister> statusRegisters)
    {
        Arch = arch;
        ExceptionName = exceptionName;
        Vector = vector;
        Class = faultClass;
        Access = access;
        FaultAddress = faultAddress;
        StatusRegisters = statusRegisters;
    }

    /// <summary>Backend that raised the fault.</summary>
    public ArchId Arch { get; }

    /// <summary>The arch's name for the exception.</summary>
    public string ExceptionName { get; }

    /// <summary>Exception number (ARM), vector (ARC ECR.VECTOR, x86 IDT vector).</summary>
    public int Vector { get; }

    /// <summary>What kind of event it was.</summary>
    public FaultClass Class { get; }

    /// <summary>The access that faulted.</summary>
    public MemoryAccess Access { get; }

    /// <summary>The reported fault address (MMFAR/BFAR, EFA, CR2), when valid.</summary>
    public uint? FaultAddress { get; }

    /// <summary>The status registers latched by the fault, decoded.</summary>
    public IReadOnlyList<StatusRegister> StatusRegisters { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        string address = FaultAddress is uint a ? $" at 0x{a:X8}" : string.Empty;
        return $"{ExceptionName} ({Class}){address} on {Access}: {string.Join(", ", StatusRegisters)}";
    }
}
