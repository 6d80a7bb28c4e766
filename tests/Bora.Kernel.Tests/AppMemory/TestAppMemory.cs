using Bora.Kernel.Memory;
using Bora.Kernel.AppMemory;

namespace Bora.Kernel.Tests.AppMemory;

/// <summary>
/// The test assembly's app memory: Zephyr's <c>mem_partition.c</c> globals, partitions sized to each backend's
/// granule, and partitions for isolation and rounding tests. Each test links the partitions it needs.
/// </summary>
[K_APPMEM_PARTITION_DEFINE("ztest_mem_partition", "part_arch_32", "part_arch_2k", "part_arch_4k", "other_partition", "round_40", "round_100")]
internal static partial class TestPartitions
{
}

/// <summary><c>tests/kernel/mem_protect/mem_protect/src/mem_partition.c</c>'s globals and a few more.</summary>
internal static partial class MemPartitionGlobals
{
    /// <summary><c>MEM_REGION_ALLOC</c> on MPUs with 32-byte granules.</summary>
    public const int Alloc32 = 32;

    /// <summary><c>MEM_REGION_ALLOC</c> on ARC MPU v2 (<c>Z_ARC_MPU_ALIGN</c> 2048).</summary>
    public const int Alloc2K = 2048;

    /// <summary><c>MEM_REGION_ALLOC</c> on x86 (the page).</summary>
    public const int Alloc4K = 4096;

    /// <summary><c>static volatile K_APP_DMEM(ztest_mem_partition) int var = 1356;</c></summary>
    [K_APP_DMEM("ztest_mem_partition", 1356)]
    public static partial AppVar<int> var { get; }

    /// <summary><c>K_APP_BMEM(ztest_mem_partition) int zeroed_var = 20420;</c>: BSS, so zero whatever C says.</summary>
    [K_APP_BMEM("ztest_mem_partition")]
    public static partial AppVar<int> zeroed_var { get; }

    /// <summary><c>K_APP_BMEM(ztest_mem_partition) int bss_var;</c></summary>
    [K_APP_BMEM("ztest_mem_partition")]
    public static partial AppVar<int> bss_var { get; }

    /// <summary>An initialised table in the same partition.</summary>
    [K_APP_DMEM("ztest_mem_partition", new uint[] { 0xDEAD_BEEF, 7, 0, 42 })]
    public static partial AppArray<uint> table { get; }

    /// <summary>A BSS buffer in the same partition.</summary>
    [K_APP_BMEM("ztest_mem_partition", Length = 48)]
    public static partial AppArray<byte> scratch { get; }

    /// <summary><c>K_APP_BMEM(part_arch) uint8_t __aligned(MEM_REGION_ALLOC) buf_arc[MEM_REGION_ALLOC];</c> for 32-byte granules.</summary>
    [K_APP_BMEM("part_arch_32", Length = Alloc32, Align = Alloc32)]
    public static partial AppArray<byte> buf_arc_32 { get; }

    /// <summary>The same for ARC MPU v2.</summary>
    [K_APP_BMEM("part_arch_2k", Length = Alloc2K, Align = Alloc2K)]
    public static partial AppArray<byte> buf_arc_2k { get; }

    /// <summary>The same for x86.</summary>
    [K_APP_BMEM("part_arch_4k", Length = Alloc4K, Align = Alloc4K)]
    public static partial AppArray<byte> buf_arc_4k { get; }

    /// <summary>A global of a partition the faulting thread's domain does hold.</summary>
    [K_APP_DMEM("other_partition", 5)]
    public static partial AppVar<uint> other { get; }

    /// <summary>40 bytes of globals (rounding tests).</summary>
    [K_APP_BMEM("round_40", Length = 10)]
    public static partial AppArray<uint> forty { get; }

    /// <summary>100 bytes of globals, with an alignment gap inside (rounding tests).</summary>
    [K_APP_DMEM("round_100", (byte)1)]
    public static partial AppVar<byte> first { get; }

    /// <summary>After <see cref="first"/>: 3 bytes of padding, then 96 bytes.</summary>
    [K_APP_BMEM("round_100", Length = 24)]
    public static partial AppArray<uint> rest { get; }
}
