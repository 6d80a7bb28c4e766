namespace Bora.Arch.Arm;

/// <summary>What the MPU's configuration grants at one address, and what decided it.</summary>
/// <param name="Rights">The rights per privilege and kind.</param>
/// <param name="Source">The deciding region number, or an <see cref="MpuSource"/> value.</param>
internal readonly record struct MpuResolution(AccessRights Rights, int Source);
