using Bora.Arch.Arc.Driver;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Arch.Arc.Tests.Driver;

/// <summary>
/// A booted ARC core (nsim_em for v2, nsim_sem for v4, 16 regions) with the product driver, the threads and
/// partitions the driver tests use, laid out per each version's stack geometry.
/// </summary>
internal sealed class ArcDriverRig
{
    public const uint Ram = ArcBoards.DccmBase;
    public const uint RamSize = ArcBoards.DccmSize;
    public const uint RwPartition = Ram + 0x1_0000;
    public const uint RoPartition = Ram + 0x1_0800;

    public ArcDriverRig(ArcMpuVersion version, ArcMpuDriverOptions? options = null)
    {
        Version = version;
        Machine = new ArcMachine(ArcBoards.DefaultFor(version), new ArcMpuOptions { Version = version, RegionCount = 16 });
        Driver = new ArcMpuDriver(Machine, options);
        Driver.Boot(Layout());
    }

    public ArcMpuVersion Version { get; }

    public bool V2 => Version == ArcMpuVersion.V2;

    public ArcMachine Machine { get; }

    public ArcMpuDriver Driver { get; }

    public Cpu Cpu => Machine.Cpu;

    public static BootMemoryLayout Layout(params (AddressRange, PartitionPermissions)[] extras) => new(
        Text: new AddressRange(0x400, 0x2_0000),
        Rodata: new AddressRange(0x2_0000, 0x3_0000),
        KernelRam: new AddressRange(Ram, Ram + RamSize),
        ExtraUserRegions: extras);

    public static MemoryPartition Rw => new(RwPartition, 0x800, PartitionPermissions.P_RW_U_RW);

    public static MemoryPartition Ro => new(RoPartition, 0x800, PartitionPermissions.P_RO_U_RO);

    public static DomainMemoryView Domain(params MemoryPartition[] partitions)
    {
        var domain = new DomainMemoryView(1, "d", 16, false);
        for (int i = 0; i < partitions.Length; i++)
        {
            domain.Slots[i] = partitions[i];
        }

        domain.PartitionCount = partitions.Length;
        return domain;
    }

    /// <summary>v2: a 2 KiB buffer with nothing reserved; v4: <c>[32 B guard][buffer]</c> after a 1 KiB buffer.</summary>
    public ThreadMemoryView SupervisorThread(DomainMemoryView domain, uint stackObject = Ram + 0x1000) => V2
        ? new ThreadMemoryView(1, "sup", stackObject, 0x800, stackObject, 0x800, domain)
        : new ThreadMemoryView(1, "sup", stackObject, 0x420, stackObject + 0x20, 0x400, domain);

    /// <summary>
    /// v2: a power-of-two 2 KiB stack object that is all buffer, the privilege stack elsewhere in kernel RAM;
    /// v4: <c>[32 B guard][1 KiB privilege stack][1 KiB user stack]</c> in one object.
    /// </summary>
    public ThreadMemoryView UserThread(DomainMemoryView domain, uint stackObject = Ram + 0x8000)
    {
        if (V2)
        {
            return new ThreadMemoryView(2, "user", stackObject, 0x800, stackObject, 0x800, domain)
            {
                IsUser = true,
                PrivilegedStackStart = stackObject + 0x4000,
                PrivilegedStackSize = 0x400,
            };
        }

        return new ThreadMemoryView(2, "user", stackObject, 0x820, stackObject + 0x420, 0x400, domain)
        {
            IsUser = true,
            PrivilegedStackStart = stackObject + 0x20,
            PrivilegedStackSize = 0x400,
        };
    }

    public FaultRecord? Load(uint address, Privilege privilege) => Cpu.TryRead(address, 4, AccessKind.Read, privilege, out _);

    public FaultRecord? Store(uint address, Privilege privilege) => Cpu.TryWrite(address, 4, AccessKind.Write, privilege, 0x5A5A_5A5A);

    public FaultRecord? Fetch(uint address, Privilege privilege) => Cpu.TryRead(address, 2, AccessKind.Execute, privilege, out _);

    public FaultRecord? Push(uint address, Privilege privilege) => Cpu.TryWrite(address, 4, AccessKind.StackPush, privilege, 0);

    /// <summary>Asserts that <paramref name="fault"/> happened with this ECR and EFA.</summary>
    public static void AssertFault(FaultRecord? fault, uint ecr, uint efa, string because = "")
    {
        Assert.That(fault, Is.InstanceOf<ArcFaultRecord>(), $"expected a fault: {because}");
        if (fault is ArcFaultRecord arc)
        {
            Assert.That((arc.Ecr.Value, arc.Efa), Is.EqualTo((ecr, efa)), $"ECR/EFA: {because}");
        }
    }
}
