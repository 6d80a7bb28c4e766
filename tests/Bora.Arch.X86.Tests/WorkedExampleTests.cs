using Bora.Hal;

namespace Bora.Arch.X86.Tests;

/// <summary>
/// arch-spec.md §4.5, configuration X86-A: ia32 PAE, CR0.WP=1, EFER.NXE=1, KPTI off, identity mapped,
/// intermediates P|RW|US. Where an example is about Zephyr software (K_ERR classification,
/// arch_buffer_validate) these tests pin the hardware behaviour it rests on; the rest is the kernel's.
/// </summary>
public sealed class WorkedExampleTests
{
    private const ulong P = PageEntry.P;
    private const ulong RW = PageEntry.RW;
    private const ulong US = PageEntry.US;
    private const ulong XD = PageEntry.XD;
    private const Privilege User = Privilege.User;
    private const Privilege Supervisor = Privilege.Supervisor;

    private X86Rig _rig = null!;

    [SetUp]
    public void BuildConfigurationX86A() => _rig = ConfigurationX86A(X86PagingMode.Pae).EnablePaging();

    [Test]
    public void X86_01_UserRead_OfPartitionA_IsAllowed() =>
        Assert.That(_rig.Read(0x0020_0010, User), Is.Null);

    [Test]
    public void X86_02_UserWrite_ToReadOnlyPartitionB_FaultsPWU() =>
        _rig.AssertPageFault(_rig.Write(0x0020_1000, User), 0x7, 0x0020_1000);

    [Test]
    public void X86_03_SupervisorWrite_ToReadOnlyPartitionB_FaultsPW_UnderWp() =>
        _rig.AssertPageFault(_rig.Write(0x0020_1000, Supervisor), 0x3, 0x0020_1000);

    [Test]
    public void X86_04_SupervisorWrite_ToReadOnlyPartitionB_IsAllowed_WithoutWp()
    {
        _rig.ToggleCr0(Cr0.WP);
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Write(0x0020_1000, Supervisor), Is.Null);
            _rig.AssertPageFault(_rig.Write(0x0020_1000, User), 0x7, 0x0020_1000, "WP=0 never relaxes user writes");
        });
    }

    [Test]
    public void X86_05_UserRead_OfKernelData_FaultsPU_AndNotPresentWithAKptiFlippedPte()
    {
        _rig.AssertPageFault(_rig.Read(0x0011_4000, User), 0x5, 0x0011_4000);

        // KPTI stores a supervisor PTE bit-inverted in the user tables: P reads as 0.
        ulong pte = _rig.Tables.LeafAddress(0x0011_4000);
        _rig.Tables.WriteEntry(pte, ~_rig.Tables.ReadEntry(pte));
        _rig.Mmu.Invlpg(0x0011_4000);
        _rig.AssertPageFault(_rig.Read(0x0011_4000, User), 0x4, 0x0011_4000, "flipped PTE");
    }

    [Test]
    public void X86_06_UserFetch_FromPartitionA_FaultsPUI() =>
        _rig.AssertPageFault(_rig.Fetch(0x0020_0000, User), 0x15, 0x0020_0000);

    [Test]
    public void X86_07_SupervisorFetch_FromKernelData_FaultsPI() =>
        _rig.AssertPageFault(_rig.Fetch(0x0011_4000, Supervisor), 0x11, 0x0011_4000);

    [Test]
    public void X86_08_ThirtyTwoBitPaging_HasNoXd_SoBothFetchesAreAllowed()
    {
        X86Rig rig = ConfigurationX86A(X86PagingMode.Paging32).EnablePaging();
        Assert.Multiple(() =>
        {
            Assert.That(rig.Fetch(0x0020_0000, User), Is.Null, "X86-06");
            Assert.That(rig.Fetch(0x0011_4000, Supervisor), Is.Null, "X86-07");
            Assert.That(rig.Fetch(0x0011_4000, User), Is.Not.Null, "U/S still applies to fetches");
        });
    }

    [Test]
    public void X86_09_UnmappedDirectory_FaultsNotPresent_AtEveryPrivilege()
    {
        Assert.Multiple(() =>
        {
            _rig.AssertPageFault(_rig.Read(0x4000_0000, User), 0x4, 0x4000_0000, "CPL3 read");
            _rig.AssertPageFault(_rig.Read(0x4000_0000, Supervisor), 0x0, 0x4000_0000, "CPL0 read");
            _rig.AssertPageFault(_rig.Write(0x4000_0000, Supervisor), 0x2, 0x4000_0000, "CPL0 write");
        });
    }

    [Test]
    public void X86_10a_SupervisorWrite_ToTheStackGuard_FaultsPW()
    {
        // ESP in bounds → K_ERR_CPU_EXCEPTION is the kernel's classification.
        _rig.AssertPageFault(_rig.Write(0x0030_0FF0, Supervisor), 0x3, 0x0030_0FF0);
    }

    [Test]
    public void X86_10b_PushIntoTheGuard_CannotPushThePageFaultFrame_AndBecomesADoubleFault()
    {
        var exceptions = new X86ExceptionModel(_rig.Mmu, doubleFaultStackTop: 0x0011_5000);
        CpuState state = _rig.Cpu.State;
        state.Privilege = Supervisor;
        state.Sp = 0x0030_0FF4;

        // The push itself: a supervisor write of ESP-4 into the read-only guard.
        FaultRecord? push = _rig.Cpu.TryWriteWord(0x0030_0FF0, 0x1234, AccessKind.StackPush, Supervisor);
        _rig.AssertPageFault(push, 0x3, 0x0030_0FF0);

        ExceptionEntry entry = exceptions.Enter(state, _rig.Cpu, X86Vector.PageFault, 0x0010_0400);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.DoubleFault), "#PF while delivering #PF");
            Assert.That(entry.InterruptedSp, Is.EqualTo(0x0030_0FF4), "the saved ESP the #DF handler checks against stack_info.start");
            Assert.That(entry.StackingFault, Is.TypeOf<X86FaultRecord>());
            Assert.That(((X86FaultRecord)entry.StackingFault!).ErrorCode, Is.EqualTo(PageFaultErrorCode.P | PageFaultErrorCode.W));
            Assert.That(state.Sp, Is.EqualTo(0x0011_5000 - 4), "the #DF task runs on its own stack, error code 0 pushed there");
            Assert.That(state.Privilege, Is.EqualTo(Supervisor));
        });
    }

    [Test]
    public void X86_11_SupervisorRead_OfTheStackGuard_IsAllowed() =>
        Assert.That(_rig.Read(0x0030_0010, Supervisor), Is.Null);

    [Test]
    public void X86_12_UserSupervisorBit_IsAndedAcrossLevels()
    {
        MapUnderDirectory(0x0060_0000, directoryFlags: P | RW, leafFlags: P | RW | US | XD);
        _rig.AssertPageFault(_rig.Read(0x0060_0000, User), 0x5, 0x0060_0000);
    }

    [Test]
    public void X86_13_ReadWriteBit_IsAndedAcrossLevels()
    {
        MapUnderDirectory(0x0060_0000, directoryFlags: P | US, leafFlags: P | RW | US | XD);
        Assert.Multiple(() =>
        {
            _rig.AssertPageFault(_rig.Write(0x0060_0000, User), 0x7, 0x0060_0000, "CPL3");
            _rig.AssertPageFault(_rig.Write(0x0060_0000, Supervisor), 0x3, 0x0060_0000, "CPL0 with WP");
        });
    }

    [Test]
    public void X86_14_ExecuteDisable_IsOredAcrossLevels()
    {
        MapUnderDirectory(0x0060_0000, directoryFlags: P | RW | US | XD, leafFlags: P | RW | US);
        _rig.AssertPageFault(_rig.Fetch(0x0060_0000, Supervisor), 0x11, 0x0060_0000);
    }

    [Test]
    public void X86_15_XdWithoutNxe_IsAReservedBit()
    {
        X86Rig rig = ConfigurationX86A(X86PagingMode.Pae).EnablePaging(nxe: false);
        Assert.Multiple(() =>
        {
            rig.AssertPageFault(rig.Read(0x0020_0000, Supervisor), 0x9, 0x0020_0000, "CPL0 read: P|RSVD");
            rig.AssertPageFault(rig.Fetch(0x0020_0000, User), 0xD, 0x0020_0000, "CPL3 fetch: P|U|RSVD, no I/D without NXE or SMEP");
            Assert.That(rig.Read(0x0010_0000, User), Is.Null, "text has no XD bit: unaffected");
        });
    }

    [Test]
    public void X86_16_StraddlingUserStore_FaultsAtTheSecondPage_AndWritesNothing()
    {
        _rig.Memory.WriteUInt32(0x0020_0FFC, 0x1122_3344);
        _rig.AssertPageFault(_rig.Write(0x0020_0FFE, User, value: 0xA5A5_A5A5), 0x7, 0x0020_1000);
        Assert.That(_rig.Memory.ReadUInt32(0x0020_0FFC), Is.EqualTo(0x1122_3344), "no byte of the faulting store is committed");
    }

    [Test]
    public void X86_17_BufferOverTwoPages_TheSecondReadOnly_FaultsForAUserWrite()
    {
        // arch_buffer_validate(0x00200FF0, 0x20, 1) returning -1 is the kernel's; the hardware fact it mirrors:
        _rig.AssertPageFault(_rig.Cpu.Check(0x0020_0FF0, 0x20, AccessKind.Write, User), 0x7, 0x0020_1000);
        Assert.That(_rig.Cpu.Check(0x0020_0FF0, 0x20, AccessKind.Read, User), Is.Null, "readable throughout");
    }

    [Test]
    public void X86_18_PagedOutPage_FaultsNotPresent_WhateverItsPermissionBits()
    {
        // arch_buffer_validate ignores P at the leaf (returns 0); the MMU faults with P=0.
        _rig.Tables.MapPage(0x0020_4000, 0x0020_4000, RW | US);
        _rig.Mmu.Invlpg(0x0020_4000);
        Assert.Multiple(() =>
        {
            _rig.AssertPageFault(_rig.Write(0x0020_4000, User), 0x6, 0x0020_4000, "user write");
            _rig.AssertPageFault(_rig.Read(0x0020_4000, User), 0x4, 0x0020_4000, "user read");
        });
    }

    [Test]
    public void X86_19_UserPushBelowItsStack_FaultsPWU_AndTheHandlerRunsOnThePrivilegeStack()
    {
        CpuState state = _rig.Cpu.State;
        state.Privilege = User;
        state.Sp = 0x0030_2000;
        state.OtherSp = 0x0030_2000; // ESP0: top of the privilege-elevation stack page 0x00301000
        FaultRecord? push = _rig.Cpu.TryWriteWord(0x0030_1FFC, 7, AccessKind.StackPush, User);
        _rig.AssertPageFault(push, 0x7, 0x0030_1FFC);

        var exceptions = new X86ExceptionModel(_rig.Mmu);
        ExceptionEntry entry = exceptions.Enter(state, _rig.Cpu, X86Vector.PageFault, 0x0010_0200);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Exception, Is.EqualTo(X86Vector.PageFault));
            Assert.That(entry.StackingFault, Is.Null);
            Assert.That(entry.FrameAddress, Is.EqualTo(0x0030_2000 - 24), "SS, ESP, EFLAGS, CS, EIP, error code");
            Assert.That(entry.InterruptedSp, Is.EqualTo(0x0030_2000), "esp <= stack_info.start: K_ERR_STACK_CHK_FAIL for the kernel");
            Assert.That(_rig.Memory.ReadUInt32(entry.FrameAddress), Is.EqualTo(0x7), "error code");
            Assert.That(_rig.Memory.ReadUInt32(entry.FrameAddress + 16), Is.EqualTo(0x0030_2000), "pushed user ESP");
            Assert.That(state.Privilege, Is.EqualTo(Supervisor));
        });
    }

    [Test]
    public void X86_20_SupervisorRead_OfTheNullPage_FaultsNotPresent() =>
        _rig.AssertPageFault(_rig.Read(0x0000_0010, Supervisor), 0x0, 0x0000_0010);

    [Test]
    public void X86_21_Ia32e_IsNotModelled_TheProcessorRefusesLme()
    {
        // IA-32e (and its non-canonical #GP) is out of scope: the modelled CPU has no long mode.
        int before = _rig.Mmu.InvalidProgramming.Count;
        _rig.SetCr(X86SystemRegister.Efer, Efer.NXE | Efer.LME);
        Assert.Multiple(() =>
        {
            Assert.That(_rig.Mmu.Read(X86SystemRegister.Efer), Is.EqualTo(Efer.NXE), "the WRMSR #GPs and changes nothing");
            Assert.That(_rig.Mmu.InvalidProgramming, Has.Count.EqualTo(before + 1));
        });
    }

    /// <summary>Builds configuration X86-A's tables (not yet loaded).</summary>
    private static X86Rig ConfigurationX86A(X86PagingMode mode)
    {
        var rig = new X86Rig(mode);
        X86PageTableBuilder t = rig.Tables;
        t.IdentityMap(0x0010_0000, 0x1_0000, P | US);
        t.IdentityMap(0x0011_0000, 0x4000, P | US | XD);
        t.IdentityMap(0x0011_4000, 0x0020_0000 - 0x0011_4000, P | RW | XD);
        t.MapPage(0x0020_0000, 0x0020_0000, P | RW | US | XD);
        t.MapPage(0x0020_1000, 0x0020_1000, P | US | XD);
        t.MapPage(0x0030_0000, 0x0030_0000, P | XD);
        t.MapPage(0x0030_1000, 0x0030_1000, P | RW | XD);
        t.IdentityMap(0x0030_2000, 0x2000, P | RW | US | XD);
        if (mode == X86PagingMode.Pae)
        {
            // 0x40000000: the directory exists, its entry does not.
            t.DirectoryEntryAddress(0x4000_0000, create: true);
        }

        return rig;
    }

    private void MapUnderDirectory(uint address, ulong directoryFlags, ulong leafFlags)
    {
        _rig.Tables.MapPage(address, address, leafFlags);
        _rig.Tables.SetDirectoryFlags(address, directoryFlags);
        _rig.ReloadCr3();
    }
}
