namespace Bora.Kernel.Tests;

public sealed class FunctionPointerTests
{
    [Test]
    public void Call_ThroughARegisteredAddress_RunsTheFunction()
    {
        using BoraKernel k = ZTest.Create();
        uint seen = 0;
        Symbol callback = k.RegisterFunction("callback", (Action<uint>)(x => seen = x));
        ZTest.Run(k, () => k.Call(callback.Address, 42));
        Assert.That(seen, Is.EqualTo(42u));
    }

    [Test]
    public void Call_ThroughAnAddressWithNoCode_IsACpuExceptionNamingTheAddress()
    {
        using BoraKernel k = ZTest.Create();
        var faults = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, r) => faults.Add(r));
        uint bogus = k.Layout.Rodata.Start + 0x40;
        k.CreateThread("caller", (_, _, _) => k.Call(bogus), 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(faults, Has.Count.EqualTo(1));
        Assert.That(faults[0].Reason, Is.EqualTo(K_ERR_CPU_EXCEPTION));
        Assert.That(faults[0].Message, Does.Contain($"0x{bogus:X8}").And.Contain("no registered function"));
    }

    [Test]
    public void Call_FetchIsCheckedByTheProtectionModel()
    {
        GuardProtection? guard = null;
        using BoraKernel k = ZTest.Create(o => o.CreateProtection = _ => guard = new GuardProtection());
        var faults = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, r) => faults.Add(r));
        bool ran = false;
        Symbol fn = k.RegisterFunction("no_exec", (Action)(() => ran = true));
        guard!.AddGuard(fn.Address, fn.Size);
        k.CreateThread("caller", (_, _, _) => k.Call(fn.Address), 3);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(ran, Is.False, "a denied fetch never runs the code");
        Assert.That(faults.Single().Fault!.Access.Kind, Is.EqualTo(AccessKind.Execute));
        Assert.That(faults.Single().Location, Does.Contain("text"));
    }
}
