namespace Bora.Hal;

/// <summary>
/// The image as the boot-time protection configuration sees it (seed: "Boot Time Memory
/// Configuration"): code and read-only data the user may read and execute, kernel RAM the user never
/// touches, and optional extra regions granted to user mode for the whole run.
/// </summary>
/// <param name="Text">Program text: readable and executable at every privilege, never writable.</param>
/// <param name="Rodata">Read-only data: readable at every privilege; executable only where the arch cannot split it from text.</param>
/// <param name="KernelRam">All RAM the kernel owns (data, object area, stacks, heap, app partitions).</param>
/// <param name="ExtraUserRegions">Regions granted at boot to every thread (e.g. a shared MMIO window), with their permissions.</param>
public sealed record BootMemoryLayout(
    AddressRange Text,
    AddressRange Rodata,
    AddressRange KernelRam,
    IReadOnlyList<(AddressRange Range, PartitionPermissions Permissions)> ExtraUserRegions);
