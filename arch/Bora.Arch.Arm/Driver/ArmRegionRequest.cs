using Bora.Hal;

namespace Bora.Arch.Arm.Driver;

/// <summary>One MPU region the driver wants programmed, with what holds it (for maps and fault reports).</summary>
internal readonly record struct ArmRegionRequest(uint Start, uint Size, PartitionPermissions Permissions, RegionHolder Holder);
