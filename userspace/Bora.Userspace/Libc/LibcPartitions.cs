using Bora.Kernel.AppMemory;

namespace Bora.Userspace.Libc;

/// <summary>
/// The pre-defined partitions (Zephyr's <c>include/zephyr/app_memory/partitions.h</c>, <c>libc-hooks.c</c>,
/// <c>malloc.c</c>): <c>z_libc_partition</c> holds the C library's user-visible globals (this assembly is routed
/// there), <c>z_malloc_partition</c> the malloc arena. The kernel adds both to <c>k_mem_domain_default</c> at boot
/// when they are linked in, so they take two of its slots; a thread in another domain needs them added to use libc.
/// </summary>
[K_APPMEM_PARTITION_DEFINE(LibcPartitionName, MallocPartitionName)]
public static partial class LibcPartitions
{
    /// <summary><c>z_libc_partition</c>.</summary>
    public const string LibcPartitionName = "z_libc_partition";

    /// <summary><c>z_malloc_partition</c>.</summary>
    public const string MallocPartitionName = "z_malloc_partition";

    /// <summary>The app memory of the runtime's C library, to link into a kernel's <see cref="AppMemoryImage"/>.</summary>
    public static AppMemoryManifest Manifest => AppMemoryManifest.Of(typeof(LibcPartitions).Assembly);
}
