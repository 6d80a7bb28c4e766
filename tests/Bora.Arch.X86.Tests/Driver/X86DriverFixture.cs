using Bora.Arch.X86.Driver;
using Bora.Hal;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary>
/// Zephyr's qemu_x86 image as arch-spec configuration X86-A lays it out (text at 1 MiB, rodata, kernel RAM
/// to 32 MiB), booted by the driver in either paging mode, with helpers for domains, threads and probes.
/// </summary>
public abstract class X86DriverFixture(X86PagingMode mode)
{
    protected const uint TextStart = 0x0010_0000, RodataStart = 0x0011_0000, KernelRamStart = 0x0011_4000, RamEnd = 0x0200_0000;
    protected const uint PartA = 0x0020_0000, PartB = 0x0020_1000, PartC = 0x0021_0000;
    protected const Privilege User = Privilege.User;
    protected const Privilege Supervisor = Privilege.Supervisor;

    private int _nextId;

    protected X86PagingMode Mode { get; } = mode;

    protected bool Pae => Mode == X86PagingMode.Pae;

    protected X86Rig Rig { get; private set; } = null!;

    protected X86MmuDriver Driver { get; private set; } = null!;

    protected DomainMemoryView DefaultDomain { get; private set; } = null!;

    protected static BootMemoryLayout Layout { get; } = new(
        Text: new AddressRange(TextStart, RodataStart),
        Rodata: new AddressRange(RodataStart, KernelRamStart),
        KernelRam: new AddressRange(KernelRamStart, RamEnd),
        ExtraUserRegions: []);

    [SetUp]
    public void BootDriver()
    {
        _nextId = 0;
        Driver = CreateDriver(new X86MmuDriverOptions());
    }

    protected X86MmuDriver CreateDriver(X86MmuDriverOptions options)
    {
        Rig = new X86Rig(Mode);
        Driver = new X86MmuDriver(Rig.Machine, options);
        Driver.Boot(Layout);
        DefaultDomain = new DomainMemoryView(_nextId++, "k_mem_domain_default", 16, isDefault: true);
        Assert.That(Driver.DomainInit(DefaultDomain), Is.Zero);
        return Driver;
    }

    /// <summary>k_mem_domain_init plus k_mem_domain_add_partition for each partition, as the kernel calls the hooks.</summary>
    protected DomainMemoryView Domain(string name, params MemoryPartition[] partitions)
    {
        var domain = new DomainMemoryView(_nextId++, name, 16, isDefault: false);
        Assert.That(Driver.DomainInit(domain), Is.Zero, "arch_mem_domain_init");
        foreach (MemoryPartition p in partitions)
        {
            Assert.That(AddPartition(domain, p), Is.Zero, $"arch_mem_domain_partition_add {p}");
        }

        return domain;
    }

    protected int AddPartition(DomainMemoryView domain, MemoryPartition partition)
    {
        int slot = Array.FindIndex(domain.Slots, s => s.IsFree);
        domain.Slots[slot] = partition;
        domain.PartitionCount++;
        return Driver.PartitionAdd(domain, slot);
    }

    protected int RemovePartition(DomainMemoryView domain, MemoryPartition partition)
    {
        int slot = Array.FindIndex(domain.Slots, s => !s.IsFree && s.Start == partition.Start && s.Size == partition.Size);
        int ret = Driver.PartitionRemove(domain, slot);
        domain.Slots[slot] = domain.Slots[slot] with { Size = 0 };
        domain.PartitionCount--;
        return ret;
    }

    /// <summary>A user thread with an X86-A stack object: guard, privilege stack, then an 8 KiB buffer.</summary>
    protected ThreadMemoryView UserThread(string name, DomainMemoryView domain, uint stackObject = 0x0030_0000)
    {
        var thread = new ThreadMemoryView(_nextId++, name, stackObject, 0x4000, stackObject + 0x2000, 0x2000, domain)
        {
            IsUser = true,
            PrivilegedStackStart = stackObject + 0x1000,
            PrivilegedStackSize = 0x1000,
        };
        Assert.That(Driver.ThreadAdd(thread), Is.Zero, "z_mem_domain_init_thread");
        return thread;
    }

    /// <summary>A supervisor thread on a kernel stack object: guard page, then an 8 KiB buffer.</summary>
    protected ThreadMemoryView SupervisorThread(string name, DomainMemoryView domain, uint stackObject = 0x0040_0000)
    {
        var thread = new ThreadMemoryView(_nextId++, name, stackObject, 0x3000, stackObject + 0x1000, 0x2000, domain);
        Assert.That(Driver.ThreadAdd(thread), Is.Zero, "z_mem_domain_init_thread");
        return thread;
    }

    /// <summary>k_mem_domain_add_thread's hook order: remove (old domain still set), then add (new domain set).</summary>
    protected int Migrate(ThreadMemoryView thread, DomainMemoryView to)
    {
        int ret = Driver.ThreadRemove(thread);
        thread.Domain = to;
        return ret != 0 ? ret : Driver.ThreadAdd(thread);
    }

    protected static MemoryPartition Partition(uint start, uint size, PartitionPermissions permissions) => new(start, size, permissions);

    protected FaultRecord? Read(uint address, Privilege privilege) => Rig.Read(address, privilege);

    protected FaultRecord? Write(uint address, Privilege privilege) => Rig.Write(address, privilege);

    protected FaultRecord? Fetch(uint address, Privilege privilege) => Rig.Fetch(address, privilege);

    protected void AssertFault(FaultRecord? fault, uint errorCode, uint cr2, string because = "") => Rig.AssertPageFault(fault, errorCode, cr2, because);

    protected uint Cr3 => (uint)Rig.Mmu.Read(X86SystemRegister.Cr3);

    /// <summary>The PTE for <paramref name="linear"/> in the tables at <paramref name="root"/>, read from memory.</summary>
    protected ulong Pte(uint root, uint linear) => Physical.Memory(Rig, Mode).Pte(root, linear);

    /// <summary>Overwrites the PTE for <paramref name="linear"/> in the tables at <paramref name="root"/> (no TLB maintenance).</summary>
    protected void SetPte(uint root, uint linear, ulong value) => Physical.Memory(Rig, Mode).SetPte(root, linear, value);
}
