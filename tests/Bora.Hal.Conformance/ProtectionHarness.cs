using Bora.Hal;

namespace Bora.Hal.Conformance;

/// <summary>
/// Drives one protection model the way an arch driver would — through register writes and page-table
/// memory only, never through model setters — so that the shared conformance fixtures can state
/// Zephyr-level expectations once for every backend.
/// </summary>
public abstract class ProtectionHarness
{
    /// <summary>The machine under test.</summary>
    public abstract Machine.Machine Machine { get; }

    /// <summary>
    /// RAM that tests may cover with regions, aligned to at least 64 KiB and at least 256 KiB long.
    /// After <see cref="Boot"/> the supervisor may read and write it and the user may not touch it.
    /// </summary>
    public abstract AddressRange Arena { get; }

    /// <summary>
    /// The smallest region size, and base alignment, that every test region will use on this backend
    /// (32 on PMSAv7/PMSAv8/ARC v4, 2048 on ARC v2, 4096 on x86). Tests use multiples of it.
    /// </summary>
    public abstract uint Granule { get; }

    /// <summary>Number of region slots <see cref="ProgramRegion"/> accepts (at least 2).</summary>
    public abstract int Slots { get; }

    /// <summary>
    /// Programs the boot configuration: protection on; the arena supervisor read/write and
    /// inaccessible to the user; no test region present.
    /// </summary>
    public abstract void Boot();

    /// <summary>Whether the hardware can express <paramref name="permissions"/> exactly.</summary>
    public abstract bool CanExpress(PartitionPermissions permissions);

    /// <summary>
    /// Programs slot <paramref name="slot"/> to grant <paramref name="permissions"/> over
    /// <c>[start, start + size)</c>, where start and size are multiples of <see cref="Granule"/> and
    /// (for power-of-two hardware) size is a power of two and start is aligned to it. Higher slots take
    /// priority where the hardware lets regions overlap; tests never overlap slots on hardware that
    /// forbids it. Must leave the hardware's caches (TLB) as the driver would after the change.
    /// </summary>
    public abstract void ProgramRegion(int slot, uint start, uint size, PartitionPermissions permissions);

    /// <summary>Removes slot <paramref name="slot"/>, restoring the boot permissions beneath it.</summary>
    public abstract void ClearRegion(int slot);

    /// <summary>
    /// Checks the arch-specific status registers of a protection fault the conformance fixture caused:
    /// a data access (<paramref name="access"/>) denied at <paramref name="faultAddress"/> inside a
    /// programmed region or in the boot background.
    /// </summary>
    public abstract void AssertDataFaultStatus(FaultRecord fault, MemoryAccess access, uint faultAddress);

    /// <summary>Checks the arch-specific status registers of a denied instruction fetch at <paramref name="address"/>.</summary>
    public abstract void AssertFetchFaultStatus(FaultRecord fault, MemoryAccess access, uint address);
}
