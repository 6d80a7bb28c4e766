namespace Bora.Kernel.AppMemory;

/// <summary>
/// The layout step of <c>gen_app_partitions.py</c> and the linker, done at boot: each partition's globals coalesced
/// into one block (data, then BSS, each global at its alignment), the block rounded and aligned by the backend's
/// <see cref="PartitionRules"/>, and the blocks placed one after another. Pure and deterministic: the host API and
/// <c>bora layout</c> call it without a kernel.
/// </summary>
public static class AppMemoryLayout
{
    /// <summary>Places <paramref name="image"/> from <paramref name="start"/> under <paramref name="rules"/> in <paramref name="order"/>.</summary>
    public static AppMemoryPlan Plan(AppMemoryImage image, PartitionRules rules, uint start, PlacementOrder order = PlacementOrder.Optimised)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(rules);
        List<Block> blocks = [.. image.Partitions.Select(p => Coalesce(p, rules))];
        AppMemoryPlan declared = Place(blocks, rules, start, PlacementOrder.Declaration);
        if (order == PlacementOrder.Declaration)
        {
            return declared;
        }

        // gen_app_partitions.py sorts by decreasing size, which leaves no gap between power-of-two blocks once the
        // first is aligned; from an unaligned start, filling up to the next boundary with small blocks first wastes
        // less. The least wasteful of the greedy order, the sort and declaration order wins (ties: that order).
        List<Block> sorted = [.. blocks.OrderByDescending(b => b.Alignment).ThenByDescending(b => b.Size).ThenBy(b => b.Contents.Name, StringComparer.Ordinal)];
        AppMemoryPlan[] candidates =
        [
            Place(Greedy(blocks, start), rules, start, PlacementOrder.Optimised),
            Place(sorted, rules, start, PlacementOrder.Optimised),
            declared with { Order = PlacementOrder.Optimised },
        ];
        return candidates.OrderBy(c => c.End - c.Start).First();
    }

    /// <summary>
    /// At each step the block placed with the smallest alignment gap, the largest (then first by name) among equals.
    /// </summary>
    private static List<Block> Greedy(List<Block> blocks, uint start)
    {
        var left = new List<Block>(blocks);
        var order = new List<Block>();
        ulong cursor = start;
        while (left.Count > 0)
        {
            ulong at = cursor;
            Block next = left.OrderBy(b => AlignUp(at, b.Alignment) - at).ThenByDescending(b => b.Alignment).ThenByDescending(b => b.Size)
                .ThenBy(b => b.Contents.Name, StringComparer.Ordinal).First();
            left.Remove(next);
            order.Add(next);
            cursor = AlignUp(cursor, next.Alignment) + next.Size;
        }

        return order;
    }

    private static AppMemoryPlan Place(List<Block> blocks, PartitionRules rules, uint start, PlacementOrder order)
    {
        var placed = new List<PartitionPlacement>();
        ulong cursor = start;
        foreach (Block b in blocks)
        {
            ulong at = AlignUp(cursor, b.Alignment);
            if (at + b.Size > uint.MaxValue + 1UL)
            {
                throw new InvalidOperationException($"partition '{b.Contents.Name}' ({b.Size} bytes) does not fit below 4 GiB");
            }

            placed.Add(new PartitionPlacement(b.Contents, b.Globals, (uint)at, b.Size, (uint)(at - cursor), rules.RegionsFor(b.Size)));
            cursor = at + b.Size;
        }

        return new AppMemoryPlan(rules, order, start, placed);
    }

    /// <summary>The partition's globals at their offsets, its rounded size and its base alignment.</summary>
    private static Block Coalesce(AppPartitionContents contents, PartitionRules rules)
    {
        var globals = new List<GlobalPlacement>();
        ulong offset = 0;
        uint maxAlign = 1;
        foreach (AppGlobal g in contents.Globals)
        {
            ulong at = AlignUp(offset, g.Declaration.Alignment);
            globals.Add(new GlobalPlacement(g, (uint)at, (uint)(at - offset)));
            offset = at + g.Declaration.Size;
            maxAlign = Math.Max(maxAlign, g.Declaration.Alignment);
            if (offset > uint.MaxValue / 2)
            {
                throw new InvalidOperationException($"partition '{contents.Name}' holds more than 2 GiB of globals");
            }
        }

        uint size = rules.RoundSize((uint)offset);
        uint alignment = Math.Max(rules.BaseAlignment(size), maxAlign);
        if (rules.PowerOfTwo && alignment > size)
        {
            // A global aligned beyond the partition's size: the region grows to its alignment (still a power of two).
            size = alignment;
        }

        return new Block(contents, globals, size, alignment);
    }

    private static ulong AlignUp(ulong value, uint alignment) => (value + alignment - 1) / alignment * alignment;

    private sealed record Block(AppPartitionContents Contents, List<GlobalPlacement> Globals, uint Size, uint Alignment);
}
