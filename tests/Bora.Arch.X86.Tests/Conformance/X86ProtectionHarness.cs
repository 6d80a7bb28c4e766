using Bora.Hal;
using Bora.Hal.Conformance;

namespace Bora.Arch.X86.Tests.Conformance;

/// <summary>
/// Drives the x86 paging model as Zephyr's <c>x86_mmu.c</c> does: identity-mapped tables with
/// intermediates P|RW|US, leaves per partition attribute (arch-spec §4.4), each changed PTE followed by
/// INVLPG. Boot maps the arena P|RW|XD (supervisor read/write, no user access).
/// </summary>
public sealed class X86ProtectionHarness : ProtectionHarness
{
    private const ulong BootFlags = PageEntry.P | PageEntry.RW | PageEntry.XD;

    private readonly X86Rig _rig;
    private readonly Dictionary<int, (uint Start, uint Size)> _slots = [];

    public X86ProtectionHarness(X86PagingMode mode)
    {
        _rig = new X86Rig(mode);
    }

    public override Machine.Machine Machine => _rig.Machine;

    public override AddressRange Arena { get; } = AddressRange.FromSize(0x0100_0000, 0x0010_0000);

    public override uint Granule => 4096;

    public override int Slots => 8;

    public X86Mmu Mmu => _rig.Mmu;

    public X86PageTableBuilder Tables => _rig.Tables;

    public X86PagingMode Mode => _rig.Mode;

    public override void Boot()
    {
        _rig.Tables.IdentityMap((uint)Arena.Start, (uint)Arena.Size, BootFlags);
        _rig.EnablePaging(wp: true, nxe: true, pse: true);
    }

    public override bool CanExpress(PartitionPermissions permissions) => Grants(Encode(permissions)) == permissions;

    public override void ProgramRegion(int slot, uint start, uint size, PartitionPermissions permissions)
    {
        _slots[slot] = (start, size);
        Apply(start, size, PageEntry.P | Encode(permissions));
    }

    public override void ClearRegion(int slot)
    {
        if (_slots.Remove(slot, out (uint Start, uint Size) region))
        {
            Apply(region.Start, region.Size, BootFlags);
        }
    }

    public override void AssertDataFaultStatus(FaultRecord fault, MemoryAccess access, uint faultAddress)
    {
        Assert.That(fault, Is.TypeOf<X86FaultRecord>());
        var pf = (X86FaultRecord)fault;
        Assert.Multiple(() =>
        {
            Assert.That(pf.Cr2, Is.EqualTo(faultAddress), "CR2");
            Assert.That(Mmu.Read(X86SystemRegister.Cr2), Is.EqualTo(faultAddress), "CR2 register");
            Assert.That(pf.P, Is.True, "every arena page is present: a protection fault");
            Assert.That(pf.W, Is.EqualTo(access.IsStore), "W/R");
            Assert.That(pf.U, Is.EqualTo(access.Privilege == Privilege.User), "U/S");
            Assert.That(pf.RSVD, Is.False, "RSVD");
            Assert.That(pf.I, Is.False, "I/D");
        });
    }

    public override void AssertFetchFaultStatus(FaultRecord fault, MemoryAccess access, uint address)
    {
        Assert.That(fault, Is.TypeOf<X86FaultRecord>());
        var pf = (X86FaultRecord)fault;
        Assert.Multiple(() =>
        {
            Assert.That(pf.Cr2, Is.EqualTo(address), "CR2 is the fetch address");
            Assert.That(pf.I, Is.EqualTo(Mode == X86PagingMode.Pae), "I/D: PAE with NXE");
            Assert.That(pf.W, Is.False);
            Assert.That(pf.U, Is.EqualTo(access.Privilege == Privilege.User));
            Assert.That(pf.P, Is.True);
        });
    }

    /// <summary>Zephyr's <c>K_MEM_PARTITION_*</c> x86 encoding: US for any user access, RW for any write, XD unless executable.</summary>
    private ulong Encode(PartitionPermissions permissions)
    {
        const PartitionPermissions user = PartitionPermissions.UserRead | PartitionPermissions.UserWrite | PartitionPermissions.UserExecute;
        const PartitionPermissions write = PartitionPermissions.SupervisorWrite | PartitionPermissions.UserWrite;
        const PartitionPermissions execute = PartitionPermissions.SupervisorExecute | PartitionPermissions.UserExecute;
        ulong flags = 0;
        flags |= (permissions & user) != 0 ? PageEntry.US : 0;
        flags |= (permissions & write) != 0 ? PageEntry.RW : 0;
        flags |= (permissions & execute) == 0 && Mode == X86PagingMode.Pae ? PageEntry.XD : 0;
        return flags;
    }

    /// <summary>What a leaf grants under the harness's configuration (WP=1, NXE=1 under PAE, no SMEP/SMAP).</summary>
    private PartitionPermissions Grants(ulong flags)
    {
        bool executable = Mode == X86PagingMode.Paging32 || (flags & PageEntry.XD) == 0;
        bool writable = (flags & PageEntry.RW) != 0;
        PartitionPermissions granted = PartitionPermissions.SupervisorRead
            | (writable ? PartitionPermissions.SupervisorWrite : 0)
            | (executable ? PartitionPermissions.SupervisorExecute : 0);
        if ((flags & PageEntry.US) != 0)
        {
            granted |= PartitionPermissions.UserRead
                | (writable ? PartitionPermissions.UserWrite : 0)
                | (executable ? PartitionPermissions.UserExecute : 0);
        }

        return granted;
    }

    private void Apply(uint start, uint size, ulong flags)
    {
        for (uint page = start; page < start + size; page += Granule)
        {
            _rig.Tables.SetPageFlags(page, flags);
            _rig.Mmu.Invlpg(page);
        }
    }
}
