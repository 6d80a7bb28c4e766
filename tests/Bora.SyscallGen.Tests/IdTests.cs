namespace Bora.SyscallGen.Tests;

public sealed class IdTests
{
    [Test]
    public void Ids_AreSortedByTheirIdNames_ThenBadThenLimit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DemoKernel.Id("K_SYSCALL_K_FLOAT_DISABLE"), Is.EqualTo(0));
            Assert.That(DemoKernel.Id("K_SYSCALL_K_MIX"), Is.EqualTo(1));
            Assert.That(DemoKernel.Id("K_SYSCALL_K_SEM_GIVE"), Is.EqualTo(2));
            Assert.That(DemoKernel.Id("K_SYSCALL_K_SEM_TAKE"), Is.EqualTo(3));
            Assert.That(DemoKernel.Id("K_SYSCALL_K_THREAD_CREATE"), Is.EqualTo(4));
            Assert.That(DemoKernel.Id("K_SYSCALL_K_UPTIME_TICKS"), Is.EqualTo(5));
            Assert.That(DemoKernel.Id("K_SYSCALL_BAD"), Is.EqualTo(6));
            Assert.That(DemoKernel.Id("K_SYSCALL_LIMIT"), Is.EqualTo(7));
        });
    }

    [Test]
    public void Ids_SortUpperCasedLikeGenSyscalls_SoUnderscoreComesAfterLetters()
    {
        // Ordinal on the lower-case names would put k_sem_give first ('_' < 'a'); on K_SYSCALL_* names 'A' < '_'.
        GeneratorRun run = Harness.RunKernel("""
            using Bora.Kernel.Syscalls;
            namespace Order;
            public static partial class KOrder
            {
                [Syscall] public static void k_sem_give(uint x) { }
                private static void z_vrfy_k_sem_give(uint x) { }
                [Syscall] public static void k_sema(uint x) { }
                private static void z_vrfy_k_sema(uint x) { }
            }
            """);

        string ids = run.Sources["SyscallIds.g.cs"];
        Assert.That(ids, Does.Contain("K_SYSCALL_K_SEMA = 0;"));
        Assert.That(ids, Does.Contain("K_SYSCALL_K_SEM_GIVE = 1;"));
        Assert.That(ids, Does.Contain("K_SYSCALL_BAD = 2;"));
        Assert.That(ids, Does.Contain("K_SYSCALL_LIMIT = 3;"));
    }

    [Test]
    public void NameOf_MapsIdsToNames_AndNullForBadAndBeyond()
    {
        var nameOf = DemoKernel.Kernel.GetType("Bora.Kernel.Syscalls.SyscallIds", throwOnError: true)!.GetMethod("NameOf")!;

        Assert.That(nameOf.Invoke(null, [3u]), Is.EqualTo("k_sem_take"));
        Assert.That(nameOf.Invoke(null, [6u]), Is.Null);
        Assert.That(nameOf.Invoke(null, [0xFFFF_FFFFu]), Is.Null);
    }
}
