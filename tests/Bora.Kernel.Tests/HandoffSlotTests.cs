namespace Bora.Kernel.Tests;

public sealed class HandoffSlotTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Test]
    public void Release_BeforeWait_LetsTheWaitPassAtOnce()
    {
        using var slot = new HandoffSlot();
        slot.Release();
        Assert.That(slot.IsPending, Is.True);
        Assert.That(slot.Wait(TimeSpan.Zero), Is.True);
        Assert.That(slot.IsPending, Is.False);
    }

    [Test]
    public void Wait_WithoutRelease_TimesOut_AndTheSlotStillWorks()
    {
        using var slot = new HandoffSlot();
        Assert.That(slot.Wait(TimeSpan.FromMilliseconds(1)), Is.False);
        slot.Release();
        Assert.That(slot.Wait(Safety), Is.True);
    }

    [Test]
    public void Release_Twice_IsAKernelBug()
    {
        using var slot = new HandoffSlot();
        slot.Release();
        Assert.That(slot.Release, Throws.InvalidOperationException.With.Message.Contains("released twice"));
    }

    /// <summary>Two host threads pass a baton back and forth with random delays on both sides, so every path (spin, block, in flight) is taken; no wake-up is lost.</summary>
    [Test]
    public void PingPong_WithRandomDelays_LosesNoWakeUp()
    {
        const int Rounds = 3000;
        using var a = new HandoffSlot();
        using var b = new HandoffSlot();
        int bSeen = 0;
        bool bTimedOut = false;
        var other = new Thread(() =>
        {
            var random = new Random(2);
            for (int i = 0; i < Rounds; i++)
            {
                if (!b.Wait(Safety, a))
                {
                    bTimedOut = true;
                    return;
                }

                bSeen++;
                Delay(random);
                a.Release();
            }
        })
        { IsBackground = true };
        other.Start();
        var mine = new Random(1);
        for (int i = 0; i < Rounds; i++)
        {
            Delay(mine);
            b.Release();
            Assert.That(a.Wait(Safety, b), Is.True, $"round {i}: the baton never came back");
            Assert.That(bSeen, Is.EqualTo(i + 1));
        }

        Assert.That(other.Join(Safety), Is.True);
        Assert.That(bTimedOut, Is.False);
    }

    private static void Delay(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                Thread.Sleep(0);
                break;
            case 1:
                Thread.SpinWait(random.Next(1, 2000));
                break;
            case 2:
                Thread.Yield();
                break;
            case 3:
                if (random.Next(20) == 0)
                {
                    Thread.Sleep(1);
                }

                break;
        }
    }
}
