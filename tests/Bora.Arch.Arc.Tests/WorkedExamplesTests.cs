using Bora.Hal;
using static Bora.Arch.Arc.Tests.ArcA;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// The worked examples ARC-01..ARC-18 of arch-spec §3.7. Where an example concerns Zephyr software
/// (<c>arch_buffer_validate</c>, the slot-programming quirk, reason classification) the test pins the
/// hardware behaviour the software rests on; the software itself belongs to the kernel/driver issue.
/// </summary>
public sealed class WorkedExamplesTests
{
    private const Privilege User = Privilege.User;
    private const Privilege Kernel = Privilege.Supervisor;

    [Test]
    public void ARC_01_UserLoadInUserStack_IsAllowed()
    {
        ArcMachine arc = Create();
        Assert.That(Load(arc, 0x8001_0010, User), Is.Null);
    }

    [Test]
    public void ARC_02_UserStoreToKernelRam_RaisesProtVWrite_WithRegion14InMpuEcr()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Store(arc, 0x8000_0100, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.Efa, Is.EqualTo(0x8000_0100));
            Assert.That(fault.MpuEcr, Is.EqualTo(0x0006_020E));
            Assert.That(arc.Aux.Read(ArcAux.ECR), Is.EqualTo(0x0006_0204));
            Assert.That(arc.Aux.Read(ArcAux.EFA), Is.EqualTo(0x8000_0100));
            Assert.That(arc.Aux.Read(ArcAux.MPU_ECR), Is.EqualTo(0x0006_020E));
            Assert.That(fault.Class, Is.EqualTo(FaultClass.Protection));
            Assert.That(fault.ExceptionName, Is.EqualTo("EV_ProtV"));
        });
    }

    [Test]
    public void ARC_03_KernelStoreToKernelRam_IsAllowed()
    {
        ArcMachine arc = Create();
        Assert.That(Store(arc, 0x8000_0100, Kernel), Is.Null);
    }

    [Test]
    public void ARC_04_UserLoadFromKernelRam_RaisesProtVRead()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Load(arc, 0x8000_0100, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0104));
            Assert.That(fault.Efa, Is.EqualTo(0x8000_0100));
            Assert.That(fault.MpuEcr, Is.EqualTo(0x0006_010E));
        });
    }

    [Test]
    public void ARC_05_UserFetchFromRom_IsAllowedByUE()
    {
        ArcMachine arc = Create();
        Assert.That(Fetch(arc, 0x0000_0400, User), Is.Null);
    }

    [Test]
    public void ARC_06_UserFetchFromUserStack_RaisesProtVFetch()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Fetch(arc, 0x8001_0000, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0004));
            Assert.That(fault.Efa, Is.EqualTo(0x8001_0000));
            Assert.That(fault.MpuEcr, Is.EqualTo(0x0006_000C));
            Assert.That(fault.Access.Kind, Is.EqualTo(AccessKind.Execute));
        });
    }

    [Test]
    public void ARC_07_LowerIndexReadOnlyRegion_BlocksUserStore()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Store(arc, 0x8001_4010, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.MpuRegion, Is.EqualTo(9), "idx 9 matches before idx 14");
        });
    }

    [Test]
    public void ARC_08_LowerIndexReadOnlyRegion_BlocksKernelStore_ThoughRegion14GrantsKW()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Store(arc, 0x8001_4010, Kernel));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.MpuRegion, Is.EqualTo(9));
            Assert.That(Load(arc, 0x8001_4010, Kernel), Is.Null, "KR still reads it");
        });
    }

    [Test]
    public void ARC_09_UserReadOnlyRegion_GrantsKernelReadByUserImpliesKernel_ButNotKernelWrite()
    {
        ArcMachine arc = Create();
        Region(arc, 11, 0x8001_6001, 0x423);
        ArcFaultRecord fault = AsArc(Store(arc, 0x8001_6000, Kernel));
        Assert.Multiple(() =>
        {
            Assert.That(Load(arc, 0x8001_6000, Kernel), Is.Null, "UR implies kernel read");
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.MpuRegion, Is.EqualTo(11));
        });
    }

    [Test]
    public void ARC_10_KernelLoadOutsideEveryRegion_UsesDefaultRegion_NoAccess()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Load(arc, 0x4000_0000, Kernel));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0104));
            Assert.That(fault.Efa, Is.EqualTo(0x4000_0000));
            Assert.That(fault.MpuRegion, Is.EqualTo(0xFF));
            Assert.That(fault.MpuEcr, Is.EqualTo(0x0006_01FF));
        });
    }

    [Test]
    public void ARC_11_OneKiBPartition_IsEncodedAs2KiB_AndTheBaseLowBitsAreIgnored()
    {
        ArcMachine arc = Create();
        new ZephyrArcMpuDriver(arc).RegionInit(10, 0x8001_2400, 0x400, 0x1B0);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDB0 + 20), Is.EqualTo(0x8001_2401), "RDB as Zephyr writes it");
            Assert.That(arc.Aux.Read(ArcAux.MPU_RDP0 + 20), Is.EqualTo(0x5B2), "2 KiB encoding");
            Assert.That(Load(arc, 0x8001_2100, User), Is.Null, "below the partition, inside the aligned-down region");
            Assert.That(Load(arc, 0x8001_27FC, User), Is.Null, "last word of the 2 KiB region");
            Assert.That(Load(arc, 0x8001_2800, User), Is.Not.Null, "above the region");
            Assert.That(arc.Mpu.InvalidProgramming.Select(p => p.Register), Has.Member("MPU_RDB10"), "misaligned base reported");
        });
    }

    [Test]
    public void ARC_12_Size0x1800_IsRoundedTo8KiB()
    {
        ArcMachine arc = Create();
        new ZephyrArcMpuDriver(arc).RegionInit(8, 0x8001_8000, 0x1800, 0x1B0);
        Assert.Multiple(() =>
        {
            Assert.That(ArcMpuV2.DecodeSize((uint)arc.Aux.Read(ArcAux.MPU_RDP0 + 16)), Is.EqualTo(12), "2^(12+1) = 8 KiB");
            Assert.That(Store(arc, 0x8001_8000, User), Is.Null);
            Assert.That(Store(arc, 0x8001_9FFC, User), Is.Null, "last word of 8 KiB");
            Assert.That(Store(arc, 0x8001_A000, User), Is.Not.Null, "first byte past 8 KiB");
            Assert.That(arc.Mpu.InvalidProgramming, Is.Empty);
        });
    }

    [Test]
    public void ARC_13_V4StackGuard_KernelStoreIntoGuard_RaisesProtVWrite_WithEfaInTheGuard()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        var driver = new ZephyrArcMpuDriver(arc);
        driver.Init([(ArcBoards.DccmBase, ArcBoards.DccmSize, ZephyrArcMpuDriver.RegionKernelRamAttr, true)]);
        const uint guardStart = 0x8002_0020, stackStart = 0x8002_0040;
        driver.RegionInit(3, guardStart, stackStart - guardStart, 0x120);
        ArcFaultRecord fault = AsArc(Store(arc, 0x8002_0030, Kernel));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0204));
            Assert.That(fault.Efa, Is.EqualTo(0x8002_0030));
            Assert.That(fault.Efa, Is.InRange(guardStart, stackStart - 1), "Zephyr's guard test (EFA in the guard) would classify K_ERR_STACK_CHK_FAIL");
            Assert.That(Store(arc, stackStart, Kernel), Is.Null, "the stack itself is kernel RW through the default region");
            Assert.That(Store(arc, guardStart - 4, Kernel), Is.Null);
        });
    }

    [Test]
    public void ARC_14_V4OverlappingValidRegions_AnyAccessRaisesMachineCheck()
    {
        var arc = new ArcMachine(ArcBoards.NsimSem, new ArcMpuOptions { Version = ArcMpuVersion.V4 });
        var driver = new ZephyrArcMpuDriver(arc);
        driver.Init([]);
        driver.RegionInit(0, 0x8000_0000, 0x2000, 0x1F8);
        driver.RegionInit(1, 0x8000_1000, 0x1000, 0x1F8);
        Assert.Multiple(() =>
        {
            foreach (Privilege privilege in new[] { Kernel, User })
            {
                foreach (FaultRecord? f in new[] { Load(arc, 0x8000_1000, privilege), Store(arc, 0x8000_1000, privilege), Fetch(arc, 0x8000_1000, privilege) })
                {
                    ArcFaultRecord fault = AsArc(f);
                    Assert.That(fault.Ecr.Vector, Is.EqualTo(ArcExceptionVector.EV_MachineCheck));
                    Assert.That(fault.Ecr.Cause, Is.EqualTo(0x06));
                    Assert.That(fault.Vector, Is.EqualTo(3));
                    Assert.That(fault.Class, Is.EqualTo(FaultClass.MachineCheck));
                    Assert.That(fault.Efa, Is.EqualTo(0x8000_1000));
                }
            }

            Assert.That(Load(arc, 0x8000_0FFC, User), Is.Null, "outside the overlap region 0 alone decides");
            Assert.That(arc.Mpu.InvalidProgramming, Is.Not.Empty);
        });
    }

    [Test]
    public void ARC_15_BufferValidate_RestsOnRegisterReadback_AndAgreesWithTheMpu()
    {
        ArcMachine arc = Create();
        Assert.Multiple(() =>
        {
            Assert.That(ZephyrBufferValidate.V2(arc.Aux, 0x8001_4000, 0x100, write: true), Is.EqualTo(-1), "idx 9 lacks UW/KW");
            Assert.That(Store(arc, 0x8001_4000, User), Is.Not.Null);

            Assert.That(ZephyrBufferValidate.V2(arc.Aux, 0x8001_2000, 0x1000, write: true), Is.Zero, "idx 10 contains it");
            Assert.That(arc.Cpu.Check(0x8001_2000, 0x1000, AccessKind.Write, User), Is.Null);

            Assert.That(ZephyrBufferValidate.V2(arc.Aux, 0x8001_2F00, 0x200, write: false), Is.EqualTo(-1), "idx 10 does not contain it; idx 14 lacks UR");
            Assert.That(AsArc(arc.Cpu.Check(0x8001_2F00, 0x200, AccessKind.Read, User)).Efa, Is.EqualTo(0x8001_3000));
        });
    }

    [Test]
    public void ARC_16_SlotQuirk_PartitionBNeverProgrammed_UserLoadInBFaults()
    {
        ArcMachine arc = Create();

        // Domain slots [A, empty (removed), B] with num_partitions = 2: the driver programs idx 10 = A, spends
        // the count on the empty slot (clearing idx 9), and clears idx 8 and below.
        var driver = new ZephyrArcMpuDriver(arc);
        driver.RegionInit(10, PartitionA, 0x1000, 0x1B0);
        driver.RegionInit(9, 0, 0, 0);
        for (int i = 8; i >= 0; i--)
        {
            driver.RegionInit(i, 0, 0, 0);
        }

        ArcFaultRecord fault = AsArc(Load(arc, PartitionB + 0x10, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0104));
            Assert.That(fault.MpuRegion, Is.EqualTo(14), "B falls through to kernel RAM");
            Assert.That(Load(arc, PartitionA, User), Is.Null, "A is programmed");
        });
    }

    [Test]
    public void ARC_17_StackChecking_PushBelowKstackTop_RaisesProtVWithStackCheckParameter()
    {
        ArcMachine arc = Create();
        const uint stackLow = 0x8000_8000, stackHigh = 0x8000_9000;
        arc.Aux.Write(ArcAux.KSTACK_TOP, stackLow);
        arc.Aux.Write(ArcAux.KSTACK_BASE, stackHigh);
        arc.Cpu.State.Status |= Status32.SC;
        FaultRecord? inside = arc.Cpu.TryWrite(stackHigh - 4, 4, AccessKind.StackPush, Kernel, 1);
        ArcFaultRecord fault = AsArc(arc.Cpu.TryWrite(stackLow - 4, 4, AccessKind.StackPush, Kernel, 2));
        Assert.Multiple(() =>
        {
            Assert.That(inside, Is.Null, "a push inside [KSTACK_TOP, KSTACK_BASE)");
            Assert.That(fault.Ecr.Vector, Is.EqualTo(ArcExceptionVector.EV_ProtV));
            Assert.That(fault.Ecr.Parameter, Is.EqualTo(0x02), "parameter 0x02: stack checking (Zephyr: K_ERR_STACK_CHK_FAIL)");
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0202));
            Assert.That(fault.Class, Is.EqualTo(FaultClass.StackLimit));
            Assert.That(fault.Efa, Is.EqualTo(stackLow - 4));
            Assert.That(fault.MpuEcr, Is.Null, "the MPU did not raise it");
            Assert.That(arc.Cpu.TryWrite(stackLow - 4, 4, AccessKind.Write, Kernel, 3), Is.Null, "a plain store there is only the MPU's business");
        });
    }

    [Test]
    public void ARC_18_StraddlingUserLoad_FaultsAtTheFirstByteOutsidePartitionB()
    {
        ArcMachine arc = Create();
        ArcFaultRecord fault = AsArc(Load(arc, 0x8001_4FFE, User));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Ecr.Value, Is.EqualTo(0x0006_0104));
            Assert.That(fault.Efa, Is.EqualTo(0x8001_5000), "first faulting byte");
            Assert.That(fault.Access.Address, Is.EqualTo(0x8001_4FFE));
            Assert.That(fault.MpuRegion, Is.EqualTo(14));
        });
    }

    private static ArcFaultRecord AsArc(FaultRecord? fault)
    {
        Assert.That(fault, Is.InstanceOf<ArcFaultRecord>(), "the access must fault with an ARC fault record");
        return (ArcFaultRecord)fault!;
    }
}
