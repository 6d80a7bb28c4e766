using Bora.Hal;

namespace Bora.Arch.Arc.Driver;

/// <summary>
/// The regions <c>arc_core_mpu_configure_thread</c> asks for, whatever index they get: the stack guard, a user
/// thread's stack, a domain partition.
/// </summary>
internal static class ArcThreadRegions
{
    /// <summary>
    /// THREAD_STACK_GUARD_REGION: below the privilege stack of a user thread, below <c>stack_info.start</c> of a
    /// supervisor thread; readable, not writable (<c>get_region_attr_by_type</c>).
    /// </summary>
    public static ArcRegionRequest Guard(ThreadMemoryView thread, uint guardSize)
    {
        bool privileged = thread.IsUser && thread.PrivilegedStackStart != 0;
        uint below = privileged ? thread.PrivilegedStackStart : thread.StackStart;
        var holder = new RegionHolder(privileged ? RegionHolderKind.PrivilegeStackGuard : RegionHolderKind.StackGuard, thread.Name);
        return new ArcRegionRequest(below - guardSize, guardSize, ArcPartitionAttributes.StackGuardAttr, holder);
    }

    /// <summary>THREAD_STACK_USER_REGION: <c>stack_info.start</c>, <c>stack_info.size</c>, REGION_RAM_ATTR.</summary>
    public static ArcRegionRequest UserStack(ThreadMemoryView thread) =>
        new(thread.StackStart, thread.StackSize, ArcPartitionAttributes.RegionRamAttr, new RegionHolder(RegionHolderKind.UserStack, thread.Name));

    /// <summary>THREAD_DOMAIN_PARTITION_REGION for the partition in <paramref name="slot"/>.</summary>
    public static ArcRegionRequest Partition(DomainMemoryView domain, int slot, MemoryPartition p) =>
        new(p.Start, p.Size, ArcPartitionAttributes.Encode(p.Permissions), new RegionHolder(RegionHolderKind.DomainSlot, domain.Name, slot));
}
