using Bora.Hal;

namespace Bora.Arch.Arc.Tests;

public sealed class ArcStackGeometryTests
{
    [Test]
    public void V2_PowerOfTwoStacks_NoGuard_NothingReserved()
    {
        StackGeometry g = ArcStackGeometry.For(ArcMpuVersion.V2);
        Assert.That((g.Alignment, g.ReservedBytes, g.GuardBytes, g.PowerOfTwoSize, g.PointerAlignment), Is.EqualTo((2048u, 0u, 0u, true, 4u)));
    }

    [Test]
    public void V4_GuardThenPrivilegeStackReservedInTheObject()
    {
        StackGeometry g = ArcStackGeometry.For(ArcMpuVersion.V4, 512);
        Assert.That((g.Alignment, g.ReservedBytes, g.GuardBytes, g.PowerOfTwoSize, g.PrivilegedStackBytes), Is.EqualTo((32u, 544u, 32u, false, 512u)));
    }

    [Test]
    public void V4_PrivilegeStackNotAMultipleOf32_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcStackGeometry.For(ArcMpuVersion.V4, 1000));
}
