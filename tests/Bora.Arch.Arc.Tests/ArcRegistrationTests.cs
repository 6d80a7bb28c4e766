using Bora.Hal;
using Bora.Hal.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.Arc.Tests;

public sealed class ArcRegistrationTests
{
    [TestCase(ArcMpuVersion.V2, "arc-mpu-v2", "nsim_em")]
    [TestCase(ArcMpuVersion.V4, "arc-mpu-v4", "nsim_sem")]
    public void AddArcMpu_RegistersAFactoryKeyedByTheBackendId(ArcMpuVersion version, string arch, string board)
    {
        using ServiceProvider services = new ServiceCollection()
            .AddArcMpu(o => { o.Version = version; o.RegionCount = 8; })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        ArcMachineFactory factory = services.GetRequiredKeyedService<ArcMachineFactory>(new ArchId(arch));
        ArcMachine machine = factory.Create();
        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<ArcMachineFactory>(), Is.SameAs(factory));
            Assert.That(services.GetRequiredKeyedService<Board>(new ArchId(arch)).Name, Is.EqualTo(board));
            Assert.That(machine.Mpu.Version, Is.EqualTo(version));
            Assert.That(machine.Mpu.RegionCount, Is.EqualTo(8));
            Assert.That(machine.Machine.Protection.Arch, Is.EqualTo(new ArchId(arch)));
            Assert.That(machine.Machine.Board.Name, Is.EqualTo(board));
        });
    }

    [Test]
    public void AddArcMpu_BothVersions_CoexistUnderTheirKeys()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddArcMpu()
            .AddArcMpu(o => o.Version = ArcMpuVersion.V4)
            .BuildServiceProvider();
        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredKeyedService<ArcMachineFactory>(ArcBoards.MpuV2).Create().Mpu, Is.InstanceOf<ArcMpuV2>());
            Assert.That(services.GetRequiredKeyedService<ArcMachineFactory>(ArcBoards.MpuV4).Create().Mpu, Is.InstanceOf<ArcMpuV4>());
            Assert.That(services.GetRequiredService<ArcMachineFactory>().Options.Version, Is.EqualTo(ArcMpuVersion.V2), "the first registration is the default");
        });
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(32)]
    public void Options_WithAnImpossibleRegionCount_AreRejected(int regions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddArcMpu(o => o.RegionCount = regions));

    [Test]
    public void Options_NamingAnUnknownBoard_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddArcMpu(o => o.Board = "qemu_x86"));

    [Test]
    public void Boards_HaveTheDocumentedMemoryMap()
    {
        foreach (Board board in ArcBoards.All)
        {
            BoardMemoryMap map = board.MemoryMap;
            Assert.Multiple(() =>
            {
                Assert.That(map.KindAt(0x0003_FFFF), Is.EqualTo(MemoryKind.Rom), board.Name);
                Assert.That(map.KindAt(0x0004_0000), Is.EqualTo(MemoryKind.Unmapped));
                Assert.That(map.KindAt(0x8000_0000), Is.EqualTo(MemoryKind.Ram));
                Assert.That(map.KindAt(0x8007_FFFF), Is.EqualTo(MemoryKind.Ram));
                Assert.That(map.KindAt(0x8008_0000), Is.EqualTo(MemoryKind.Unmapped));
                Assert.That(map.KindAt(0xF000_0000), Is.EqualTo(MemoryKind.Mmio));
            });
        }
    }

    /// <summary>Every MPU version this backend offers has a fixture deriving from every conformance base.</summary>
    [Test]
    public void EveryConformanceBase_HasAFixture_ForEveryMpuVersion()
    {
        Type[] bases = [typeof(DecisionConformance), typeof(FaultStatusConformance), typeof(CacheInvalidationConformance), typeof(InvalidProgrammingConformance)];
        Type[] fixtures = [.. typeof(ArcRegistrationTests).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ConformanceFixture)))];
        Assert.Multiple(() =>
        {
            foreach (Type conformanceBase in bases)
            {
                Type[] derived = [.. fixtures.Where(t => t.IsSubclassOf(conformanceBase))];
                HashSet<ArcMpuVersion> versions = [.. derived
                    .SelectMany(t => t.GetCustomAttributes(typeof(TestFixtureAttribute), false).Cast<TestFixtureAttribute>())
                    .SelectMany(a => a.Arguments.OfType<ArcMpuVersion>())];
                Assert.That(versions, Is.EquivalentTo(Enum.GetValues<ArcMpuVersion>()), conformanceBase.Name);
            }
        });
    }
}
