using Bora.Kernel.AppMemory;

// gen_app_partitions.py --library libc.a z_libc_partition: every untagged global of the runtime's C library lives in
// z_libc_partition, which k_mem_domain_default holds from boot.
[assembly: AppMemoryLibrary(Bora.Userspace.Libc.LibcPartitions.LibcPartitionName)]
