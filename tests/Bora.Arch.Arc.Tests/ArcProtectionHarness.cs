using Bora.Hal;
using Bora.Hal.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.Arc.Tests;

/// <summary>
/// Drives an ARC MPU the way Zephyr's driver does, through aux register writes only. Boot is
/// <c>arc_mpu_init</c> with the board's <c>mpu_config</c> (ICCM ROM, DCCM kernel RAM, peripherals);
/// slots are domain-partition regions at the indices Zephyr gives them: v2 <c>N-S-3-slot</c> (so a higher
/// slot has a lower index, i.e. priority), v4 <c>S+3+slot</c> (no stack guard).
/// </summary>
internal sealed class ArcProtectionHarness : ProtectionHarness
{
    private readonly ZephyrArcMpuDriver _driver;
    private readonly Dictionary<int, (uint Start, uint Size)> _programmed = [];
    private readonly (uint Base, uint Size, uint Attr, bool Dynamic)[] _mpuConfig =
    [
        (ArcBoards.IccmBase, ArcBoards.IccmSize, ZephyrArcMpuDriver.RegionRomAttr, false),
        (ArcBoards.DccmBase, ArcBoards.DccmSize, ZephyrArcMpuDriver.RegionKernelRamAttr, true),
        (ArcBoards.PeripheralBase, ArcBoards.PeripheralSize, ZephyrArcMpuDriver.RegionKernelRamAttr, false),
    ];

    public ArcProtectionHarness(ArcMpuVersion version)
    {
        using ServiceProvider services = new ServiceCollection()
            .AddArcMpu(o => o.Version = version)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Arc = services.GetRequiredKeyedService<ArcMachineFactory>(ArcBoards.ArchFor(version)).Create();
        _driver = new ZephyrArcMpuDriver(Arc);
    }

    public ArcMachine Arc { get; }

    public override Machine.Machine Machine => Arc.Machine;

    public override AddressRange Arena { get; } = AddressRange.FromSize(ArcBoards.DccmBase + 0x40000, 0x40000);

    public override uint Granule => Arc.Mpu.Version == ArcMpuVersion.V2 ? 2048u : ArcMpuV4.Granule;

    public override int Slots => Arc.Mpu.Version == ArcMpuVersion.V2
        ? _driver.RegionCount - StaticCount - 2
        : _driver.RegionCount - (StaticCount + 3) - 1;

    private int StaticCount => Arc.Mpu.Version == ArcMpuVersion.V2 ? _mpuConfig.Length : _mpuConfig.Count(r => !r.Dynamic);

    public override void Boot()
    {
        _driver.Init(_mpuConfig);
        _programmed.Clear();
    }

    /// <summary>A user permission also grants the kernel: a set where the user may do what the kernel may not has no encoding.</summary>
    public override bool CanExpress(PartitionPermissions permissions) =>
        (!permissions.HasFlag(PartitionPermissions.UserRead) || permissions.HasFlag(PartitionPermissions.SupervisorRead))
        && (!permissions.HasFlag(PartitionPermissions.UserWrite) || permissions.HasFlag(PartitionPermissions.SupervisorWrite))
        && (!permissions.HasFlag(PartitionPermissions.UserExecute) || permissions.HasFlag(PartitionPermissions.SupervisorExecute));

    public override void ProgramRegion(int slot, uint start, uint size, PartitionPermissions permissions)
    {
        int index = IndexOf(slot);
        _driver.RegionInit(index, start, size, ZephyrArcMpuDriver.Encode(permissions));
        _programmed[index] = (start, size);
    }

    public override void ClearRegion(int slot)
    {
        int index = IndexOf(slot);
        _driver.RegionInit(index, 0, 0, 0);
        _programmed.Remove(index);
    }

    public override void AssertDataFaultStatus(FaultRecord fault, MemoryAccess access, uint faultAddress) =>
        AssertStatus(fault, access.IsStore ? ArcEcr.CauseWrite : ArcEcr.CauseRead, faultAddress);

    public override void AssertFetchFaultStatus(FaultRecord fault, MemoryAccess access, uint address) =>
        AssertStatus(fault, ArcEcr.CauseFetch, address);

    private void AssertStatus(FaultRecord fault, byte cause, uint address)
    {
        Assert.That(fault, Is.InstanceOf<ArcFaultRecord>());
        var arc = (ArcFaultRecord)fault;
        var expectedEcr = new ArcEcr(ArcExceptionVector.EV_ProtV, cause, ArcEcr.ParameterMpu);
        Assert.Multiple(() =>
        {
            Assert.That(arc.Ecr, Is.EqualTo(expectedEcr), arc.Ecr.Decode());
            Assert.That(arc.Efa, Is.EqualTo(address));
            Assert.That(arc.Vector, Is.EqualTo(6));
            Assert.That(Arc.Aux.Read(ArcAux.ECR), Is.EqualTo(expectedEcr.Value), "ECR latched");
            Assert.That(Arc.Aux.Read(ArcAux.EFA), Is.EqualTo(address), "EFA latched");
            if (Arc.Mpu.Version == ArcMpuVersion.V2)
            {
                uint expectedMpuEcr = 0x0006_0000u | ((uint)cause << 8) | (uint)ExpectedRegion(address);
                Assert.That(arc.MpuEcr, Is.EqualTo(expectedMpuEcr), "MPU_ECR");
                Assert.That(Arc.Aux.Read(ArcAux.MPU_ECR), Is.EqualTo(expectedMpuEcr), "MPU_ECR latched");
            }
            else
            {
                Assert.That(arc.MpuEcr, Is.Null, "MPU v4 has no MPU_ECR");
            }
        });
    }

    /// <summary>The region the harness programmed that covers <paramref name="address"/>, by priority; 0xFF for the default region.</summary>
    private int ExpectedRegion(uint address)
    {
        var candidates = new List<(int Index, uint Start, ulong End)>();
        foreach ((int index, (uint start, uint size)) in _programmed)
        {
            candidates.Add((index, start, (ulong)start + size));
        }

        int first = _driver.RegionCount - _mpuConfig.Length;
        for (int i = 0; i < _mpuConfig.Length; i++)
        {
            candidates.Add((first + i, _mpuConfig[i].Base, (ulong)_mpuConfig[i].Base + _mpuConfig[i].Size));
        }

        return candidates.Where(c => address >= c.Start && address < c.End).Select(c => c.Index).DefaultIfEmpty(0xFF).Min();
    }

    private int IndexOf(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, Slots);
        return Arc.Mpu.Version == ArcMpuVersion.V2
            ? _driver.RegionCount - StaticCount - 3 - slot
            : StaticCount + 3 + slot;
    }
}
