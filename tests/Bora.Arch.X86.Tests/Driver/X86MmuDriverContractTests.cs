using Bora.Arch.X86.Driver;
using Bora.Hal;

namespace Bora.Arch.X86.Tests.Driver;

/// <summary>The static answers of the contract, the page-table pool, the region map and the budget.</summary>
[TestFixture(X86PagingMode.Pae)]
[TestFixture(X86PagingMode.Paging32)]
public sealed class X86MmuDriverContractTests(X86PagingMode mode) : X86DriverFixture(mode)
{
    [Test]
    public void Capabilities_AndGeometry_AreThePageTableOnes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.Arch, Is.EqualTo(Pae ? X86Arch.Pae : X86Arch.Paging32));
            Assert.That(Driver.Capabilities, Is.EqualTo(new ProtectionCapabilities(false, false, 4096, SynchronousDomainApi: true, UserCanReachSameDomainStacks: true)));
            Assert.That(Driver.StackGeometry, Is.EqualTo(X86StackGeometry.Userspace));
            Assert.That(Driver.MaxPartitionsPerDomain, Is.EqualTo(16), "CONFIG_MAX_DOMAIN_PARTITIONS");
            Assert.That(CreateDriver(new X86MmuDriverOptions { MaxDomainPartitions = 8 }).MaxPartitionsPerDomain, Is.EqualTo(8));
        });
    }

    [Test]
    public void Supports_TheAttributesMmustructsDefines()
    {
        PartitionPermissions[] defined =
        [
            PartitionPermissions.P_RW_U_RW, PartitionPermissions.P_RW_U_NA, PartitionPermissions.P_RO_U_RO, PartitionPermissions.P_RO_U_NA,
            PartitionPermissions.P_RWX_U_RWX, PartitionPermissions.P_RWX_U_NA, PartitionPermissions.P_RX_U_RX, PartitionPermissions.P_RX_U_NA,
        ];
        Assert.Multiple(() =>
        {
            foreach (PartitionPermissions p in defined)
            {
                Assert.That(Driver.Supports(p), Is.True, p.ToString());
            }

            Assert.That(Driver.Supports(PartitionPermissions.P_RW_U_RO), Is.False, "not expressible: user RO needs RW=0, which also binds the kernel");
            Assert.That(Driver.Supports(PartitionPermissions.P_NA_U_NA), Is.False, "not expressible: present pages are supervisor-readable");
            Assert.That(Driver.Supports(PartitionPermissions.P_RWX_U_RX), Is.False);
            Assert.That(Driver.Supports(PartitionPermissions.P_RW_U_RW | PartitionPermissions.NoCache), Is.False, "x86 has no _NOCACHE attributes");
        });
    }

    [Test]
    public void Encode_MatchesMmustructs()
    {
        ulong xd = Pae ? PageEntry.XD : 0;
        Assert.Multiple(() =>
        {
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RW_U_RW, Pae), Is.EqualTo(0x6 | xd));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RW_U_NA, Pae), Is.EqualTo(0x2 | xd));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RO_U_RO, Pae), Is.EqualTo(0x4 | xd));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RO_U_NA, Pae), Is.EqualTo(xd));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RWX_U_RWX, Pae), Is.EqualTo(0x6UL));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RWX_U_NA, Pae), Is.EqualTo(0x2UL));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RX_U_RX, Pae), Is.EqualTo(0x4UL));
            Assert.That(X86PartitionAttributes.Encode(PartitionPermissions.P_RX_U_NA, Pae), Is.EqualTo(0x0UL));
        });
    }

    [Test]
    public void ValidatePartition_WantsWholePages()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Driver.ValidatePartition(Partition(PartA, 0x3000, PartitionPermissions.P_RW_U_RW)), Is.Zero);
            Assert.That(Driver.ValidatePartition(Partition(PartA, 0x800, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "size");
            Assert.That(Driver.ValidatePartition(Partition(PartA + 0x800, 0x1000, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "start");
            Assert.That(Driver.ValidatePartition(Partition(PartA, 0, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "empty");
        });
    }

    [Test]
    public void PartitionAdd_OfAPartialPage_IsEinval_AndChangesNothing()
    {
        DomainMemoryView d = Domain("d");
        Driver.UserModeEnter(UserThread("user", d));
        Assert.That(AddPartition(d, Partition(PartA, 0x1800, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-22), "range_map_ptables: size not a page multiple");
        AssertFault(Read(PartA, User), 0x5, PartA);
    }

    [Test]
    public void PartitionAdd_OverUnmappedMemory_IsEfault()
    {
        DomainMemoryView d = Domain("d");
        Assert.That(AddPartition(d, Partition(0x4000_0000, 0x1000, PartitionPermissions.P_RW_U_RW)), Is.EqualTo(-14), "missing page table level");
    }

    [Test]
    public void DomainPool_IsExhaustedWithEnomem_AndDeinitReturnsASet()
    {
        CreateDriver(new X86MmuDriverOptions { MaxAdditionalDomains = 2 });
        DomainMemoryView d1 = Domain("d1", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW));
        DomainMemoryView d2 = Domain("d2");
        var d3 = new DomainMemoryView(50, "d3", 16, isDefault: false);
        Assert.Multiple(() =>
        {
            Assert.That(Driver.FreeDomainTableSets, Is.Zero);
            Assert.That(Driver.DomainInit(d3), Is.EqualTo(-12), "CONFIG_X86_MAX_ADDITIONAL_MEM_DOMAINS reached");
            Assert.That(Driver.PageTablesOf(d3), Is.Null);
        });
        uint? released = Driver.PageTablesOf(d1);
        Assert.That(Driver.DomainDeinit(d1), Is.Zero);
        Assert.That(Driver.FreeDomainTableSets, Is.EqualTo(1));
        Assert.That(Driver.DomainInit(d3), Is.Zero);
        Assert.That(Driver.PageTablesOf(d3), Is.EqualTo(released), "the returned set is reused");
        Driver.UserModeEnter(UserThread("user", d3));
        AssertFault(Read(PartA, User), 0x5, PartA, "a fresh copy of the kernel tables: nothing of d1 is left");
        Assert.That(Driver.PageTablesOf(d2), Is.Not.EqualTo(released));
    }

    [Test]
    public void DefaultDomain_UsesTheKernelTables_AndItsPartitionsAreNotCopied()
    {
        Assert.That(Driver.PageTablesOf(DefaultDomain), Is.EqualTo(Driver.KernelPageTables));
        Assert.That(AddPartition(DefaultDomain, Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW)), Is.Zero);
        DomainMemoryView d = Domain("d");
        Driver.UserModeEnter(UserThread("in-d", d));
        AssertFault(Read(PartA, User), 0x5, PartA, "copy_page_table resets every PTE to its boot permissions");
        Driver.UserModeEnter(UserThread("in-default", DefaultDomain, 0x0031_0000));
        Assert.That(Read(PartA, User), Is.Null);
    }

    [Test]
    public void ActiveRegions_MapTheLoadedTablesWithWhatHoldsEachRange()
    {
        DomainMemoryView d = Domain("d", Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW), Partition(PartB, 0x1000, PartitionPermissions.P_RO_U_RO));
        ThreadMemoryView user = UserThread("user", d);
        Driver.UserModeEnter(user);
        IReadOnlyList<RegionUse> regions = Driver.ActiveRegions();
        PartitionPermissions rw = Pae ? PartitionPermissions.P_RW_U_RW : PartitionPermissions.P_RWX_U_RWX;
        Assert.Multiple(() =>
        {
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(TextStart, RodataStart), PartitionPermissions.P_RX_U_RX, "boot: text")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(RodataStart, KernelRamStart), Pae ? PartitionPermissions.P_RO_U_RO : PartitionPermissions.P_RX_U_RX, "boot: rodata")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(KernelRamStart, PartA), Pae ? PartitionPermissions.P_RW_U_NA : PartitionPermissions.P_RWX_U_NA, "boot: kernel RAM")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(PartA, PartB), rw, "domain 'd' slot 0")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(PartB, PartB + 0x1000), Pae ? PartitionPermissions.P_RO_U_RO : PartitionPermissions.P_RX_U_RX, "domain 'd' slot 1")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(user.StackObject, user.StackObject + 0x1000), Pae ? PartitionPermissions.P_RO_U_NA : PartitionPermissions.P_RX_U_NA, "stack guard of 'user'")));
            Assert.That(regions, Does.Contain(new RegionUse(-1, new AddressRange(user.StackStart, user.StackStart + user.StackSize), rw, "user stack of 'user'")));
            Assert.That(regions.Sum(r => (long)r.Range.Size), Is.EqualTo(RamEnd - TextStart), "every mapped page exactly once");
        });
        Driver.SwitchIn(SupervisorThread("k", DefaultDomain));
        Assert.That(Driver.ActiveRegions().Select(r => r.Holder), Has.None.StartsWith("domain 'd'").And.None.StartsWith("user stack"), "the kernel tables hold none of d's grants");
    }

    [Test]
    public void Budget_HasNoRegionLimit_OnlyThePartitionLimit_AndPageRounding()
    {
        RegionBudget budget = Driver.Budget([Partition(PartA, 3000, PartitionPermissions.P_RW_U_RW), Partition(PartC, 0x2000, PartitionPermissions.P_RO_U_RO)]);
        Assert.Multiple(() =>
        {
            Assert.That(budget, Is.EqualTo(new RegionBudget(0, 0, 0, 2, 14, 4096 - 3000)));
            Assert.That(budget.Fits, Is.True);
            Assert.That(Driver.Budget(Enumerable.Repeat(Partition(PartA, 0x1000, PartitionPermissions.P_RW_U_RW), 17).ToList()).Fits, Is.False);
        });
    }
}
