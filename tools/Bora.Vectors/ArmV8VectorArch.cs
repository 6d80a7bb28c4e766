using Bora.Arch.Arm;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>Replays <c>armv8m-pmsav8</c> vector files on <see cref="PmsaV8Mpu"/>.</summary>
public sealed class ArmV8VectorArch : ArmVectorArch
{
    /// <inheritdoc/>
    protected override ArchId Arch => ArmArch.PmsaV8;

    private protected override ArmVectorSession CreateSession(Board board, int regions) => new ArmV8VectorSession(board, regions);
}
