using System.Reflection;
using Bora.Abi;

namespace Bora.SyscallGen.Tests;

/// <summary>The generated z_* stubs, through a loop-back trap into the generated dispatcher, and directly.</summary>
public sealed class StubRoundTripTests
{
    private PropertyInfo _current = null!;

    [SetUp]
    public void SetUp()
    {
        _current = DemoKernel.Kernel.GetType("Bora.Kernel.Syscalls.UserTrap", throwOnError: true)!.GetProperty("Current")!;
        Log.Clear();
    }

    [TearDown]
    public void TearDown() => _current.SetValue(null, null);

    private static List<string> Log => (List<string>)DemoKernel.Kernel.GetType("Demo.KDemo", throwOnError: true)!.GetProperty("Log")!.GetValue(null)!;

    private object Trap()
    {
        object trap = Activator.CreateInstance(DemoKernel.Kernel.GetType("Demo.LoopbackTrap", throwOnError: true)!)!;
        _current.SetValue(null, trap);
        return trap;
    }

    private static object UserPtr(uint address) =>
        Activator.CreateInstance(DemoKernel.Kernel.GetType("Bora.Kernel.Syscalls.UserPtr", throwOnError: true)!, address)!;

    private static object? Z(string stub, params object?[] arguments) => TestLoadContext.Call(DemoKernel.User, "Bora.Userspace.Z", stub, arguments);

    [Test]
    public void Stub_SupervisorCaller_CallsTheImplementationDirectly()
    {
        Z("z_sem_give", new SemaphoreHandle(0x40));

        Assert.That(Log, Is.EqualTo(new[] { "impl k_sem_give k_sem@0x00000040" }));
    }

    [Test]
    public void Stub_UserCaller_TrapsWithTheIdAndTheSplitTimeout()
    {
        Trap();

        object? result = Z("z_sem_take", new SemaphoreHandle(0x40), KTimeout.FromMicroseconds(long.MaxValue));

        Assert.That(result, Is.EqualTo(-11));
        Assert.That(Log, Does.Contain("vrfy k_sem_take k_sem@0x00000040 K_USEC(1152921504606846975)"), "the amount is clamped to 2^60 - 1");
    }

    [Test]
    public void Stub_MoreThanSixWords_PassesThemInAUserArrayAndPopsIt()
    {
        object trap = Trap();

        object? result = Z("z_thread_create", new ThreadHandle(0x3000), UserPtr(0x4000), 512u, 0xABCu, 1u, 2u, 3u, -5, ThreadOptions.User | ThreadOptions.InheritPerms, KTimeout.Forever);

        Assert.That(result, Is.EqualTo(new ThreadHandle(0x3001)));
        Assert.That(Log, Does.Contain("read 6 words at 0xFFFFFE8"));
        Assert.That(Log, Does.Contain("vrfy k_thread_create k_thread@0x00003000 0x00004000 512 ABC 1 2 3 -5 User, InheritPerms K_FOREVER"));
        Assert.That(trap.GetType().GetField("_sp", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(trap), Is.EqualTo(0x1000_0000u));
    }

    [Test]
    public void Stub_64BitResultAndArray_RoundTrip()
    {
        Trap();

        object? result = Z("z_mix", long.MinValue, 0xFFFF_FFFF_FFFF_FFFEul, (short)-300, (byte)200, true, FatalReason.KernelPanic);

        Assert.That(result, Is.EqualTo(0xFFFF_FFFF_FFFF_FFFFul));
        Assert.That(Log, Does.Contain("vrfy k_mix -9223372036854775808 FFFFFFFFFFFFFFFE -300 200 True KernelPanic"));
    }

    [Test]
    public void Stub_64BitResultOnly_ReadsItBackFromTheResultSlot()
    {
        Trap();

        Assert.That(Z("z_uptime_ticks"), Is.EqualTo(0x0123_4567_89AB_CDEFL));
    }

    [Test]
    public void Stub_UnimplementedSyscallFromUserMode_Oopses()
    {
        Trap();

        Assert.That(() => Z("z_float_disable", new ThreadHandle(0x10)), Throws.Exception.With.Message.EqualTo("Unimplemented system call k_float_disable (id 0)"));
    }
}
