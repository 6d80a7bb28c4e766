using Bora.Hal;

namespace Bora.Kernel.Memory;

/// <summary>A memory domain (<c>struct k_mem_domain</c>): partition slots and member threads.</summary>
public sealed class MemoryDomain
{
    private readonly List<ThreadMemoryView> _threads = [];
    private readonly string?[] _slotNames;

    internal MemoryDomain(DomainMemoryView view)
    {
        View = view;
        _slotNames = new string?[view.Slots.Length];
    }

    /// <summary>Name for reports.</summary>
    public string Name => View.Name;

    /// <summary>Whether <c>k_mem_domain_init</c> has run (and <c>k_mem_domain_deinit</c> has not).</summary>
    public bool IsInitialized { get; internal set; }

    /// <summary>Number of occupied slots.</summary>
    public int PartitionCount => View.PartitionCount;

    /// <summary>The occupied slots in slot order.</summary>
    public IEnumerable<(int Slot, MemoryPartition Partition)> Partitions => View.Occupied();

    /// <summary>Member threads, in the order they joined.</summary>
    public IReadOnlyList<ThreadMemoryView> Threads => _threads;

    /// <summary>What the protection driver sees.</summary>
    public DomainMemoryView View { get; }

    /// <summary>The name of the <see cref="MemPartition"/> copied into <paramref name="slot"/>, or <see langword="null"/> for a free slot.</summary>
    public string? PartitionName(int slot) => slot >= 0 && slot < _slotNames.Length && !View.Slots[slot].IsFree ? _slotNames[slot] : null;

    internal void NameSlot(int slot, string? name) => _slotNames[slot] = name;

    internal void ClearSlotNames() => Array.Clear(_slotNames);

    internal void Join(ThreadMemoryView thread) => _threads.Add(thread);

    internal void Leave(ThreadMemoryView thread) => _threads.Remove(thread);

    /// <inheritdoc/>
    public override string ToString() => $"domain '{Name}' ({PartitionCount} partitions, {_threads.Count} threads)";
}
