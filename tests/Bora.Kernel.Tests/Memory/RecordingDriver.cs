using Bora.Hal;

namespace Bora.Kernel.Tests.Memory;

/// <summary>A protection driver that records every hook call (with what the hook could see) for domain-logic tests.</summary>
internal sealed class RecordingDriver : IProtectionDriver
{
    public RecordingDriver(bool synchronous, int maxPartitions = 4)
    {
        Capabilities = new ProtectionCapabilities(false, false, 32, synchronous, synchronous);
        MaxPartitionsPerDomain = maxPartitions;
    }

    public List<string> Calls { get; } = [];

    public int DomainInitResult { get; set; }

    public int DomainDeinitResult { get; set; }

    public int PartitionAddResult { get; set; }

    public int ThreadAddResult { get; set; }

    public PartitionPermissions Unsupported { get; set; } = PartitionPermissions.P_RW_U_RO;

    public ArchId Arch => new("recording");

    public ProtectionCapabilities Capabilities { get; }

    public StackGeometry StackGeometry => new(8, 0, 0, 8, false, 0);

    public int MaxPartitionsPerDomain { get; }

    public void Boot(BootMemoryLayout layout) => Calls.Add("boot");

    public bool Supports(PartitionPermissions permissions) => permissions != Unsupported;

    public int ValidatePartition(MemoryPartition partition) =>
        partition.Start % 32 == 0 && partition.Size % 32 == 0 ? 0 : -22;

    public int DomainInit(DomainMemoryView domain)
    {
        Calls.Add($"init {domain.Name}");
        return DomainInitResult;
    }

    public int DomainDeinit(DomainMemoryView domain)
    {
        Calls.Add($"deinit {domain.Name}");
        return DomainDeinitResult;
    }

    public int PartitionAdd(DomainMemoryView domain, int slot)
    {
        Calls.Add($"add {domain.Name}[{slot}] {domain.Slots[slot]} count={domain.PartitionCount}");
        return PartitionAddResult;
    }

    public int PartitionRemove(DomainMemoryView domain, int slot)
    {
        Calls.Add($"remove {domain.Name}[{slot}] size=0x{domain.Slots[slot].Size:X} count={domain.PartitionCount}");
        return 0;
    }

    public int ThreadAdd(ThreadMemoryView thread)
    {
        Calls.Add($"thread+ {thread.Name} -> {thread.Domain.Name}");
        return ThreadAddResult;
    }

    public int ThreadRemove(ThreadMemoryView thread)
    {
        Calls.Add($"thread- {thread.Name} <- {thread.Domain.Name}{(thread.IsDead ? " dead" : "")}");
        return 0;
    }

    public void SwitchIn(ThreadMemoryView incoming) => Calls.Add($"switch {incoming.Name}");

    public void UserModeEnter(ThreadMemoryView thread) => Calls.Add($"user {thread.Name}");

    public int BufferValidate(uint address, uint size, bool write) => -1;

    public StackOverflowCheck CheckStackOverflow(FaultRecord fault, ThreadMemoryView thread, uint sp) => default;

    public IReadOnlyList<RegionUse> ActiveRegions() => [];

    public RegionBudget Budget(IReadOnlyList<MemoryPartition> partitions) => new(0, 0, 0, partitions.Count, 0, 0);
}
