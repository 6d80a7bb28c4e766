using Bora.Arch.Arm;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Replays <c>armv7m-pmsav7</c> vector files on <see cref="PmsaV7Mpu"/>.</summary>
public sealed class ArmV7VectorArch : ArmVectorArch
{
    /// <inheritdoc/>
    protected override ArchId Arch => ArmArch.PmsaV7;

    private protected override ArmVectorSession CreateSession(Board board, int regions) => new ArmV7VectorSession(board, regions);
}
