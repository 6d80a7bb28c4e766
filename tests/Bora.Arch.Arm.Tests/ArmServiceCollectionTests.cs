using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.Arm.Tests;

public sealed class ArmServiceCollectionTests
{
    [Test]
    public void AddArmMpu_Mps2An505_ResolvesOneMachineWithItsModels()
    {
        using ServiceProvider sp = new ServiceCollection()
            .AddArmMpu(o => o.Board = "mps2-an505")
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        ArmMachine arm = sp.GetRequiredService<ArmMachine>();
        Assert.Multiple(() =>
        {
            Assert.That(sp.GetRequiredService<Board>(), Is.SameAs(ArmBoards.Mps2An505));
            Assert.That(sp.GetRequiredService<Bora.Machine.Machine>(), Is.SameAs(arm.Machine));
            Assert.That(sp.GetRequiredService<IProtectionModel>(), Is.SameAs(arm.Mpu));
            Assert.That(sp.GetRequiredService<IExceptionModel>(), Is.SameAs(arm.Exceptions));
            Assert.That(arm.Mpu, Is.TypeOf<PmsaV8Mpu>());
            Assert.That(arm.Mpu.RegionCount, Is.EqualTo(16));
        });
    }

    [Test]
    public void AddArmMpu_DefaultOptions_IsTheAn385WithEightRegions()
    {
        using ServiceProvider sp = new ServiceCollection().AddArmMpu().BuildServiceProvider();
        ArmMachine arm = sp.GetRequiredService<ArmMachine>();
        Assert.Multiple(() =>
        {
            Assert.That(arm.Machine.Board, Is.SameAs(ArmBoards.Mps2An385));
            Assert.That(arm.Mpu, Is.TypeOf<PmsaV7Mpu>());
            Assert.That(arm.Mpu.RegionCount, Is.EqualTo(8));
        });
    }

    [Test]
    public void AddArmMpu_UnknownBoard_ThrowsListingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddArmMpu(o => o.Board = "lm3s6965evb"));
        Assert.That(e!.Message, Does.Contain("mps2-an385").And.Contain("mps2-an505"));
    }
}
