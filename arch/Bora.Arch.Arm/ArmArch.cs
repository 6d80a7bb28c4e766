using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>The backend ids of the ARM MPU variants, as spelled in vector files and on the command line.</summary>
public static class ArmArch
{
    /// <summary>ARMv7-M with the PMSAv7 MPU (Cortex-M3/M4/M7).</summary>
    public static readonly ArchId PmsaV7 = new("armv7m-pmsav7");

    /// <summary>ARMv8-M Mainline with the PMSAv8 MPU (Cortex-M33/M55).</summary>
    public static readonly ArchId PmsaV8 = new("armv8m-pmsav8");
}
