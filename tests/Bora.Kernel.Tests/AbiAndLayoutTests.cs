namespace Bora.Kernel.Tests;

public sealed class AbiAndLayoutTests
{
    [TestCase(Errno.EPerm, 1)]
    [TestCase(Errno.ENoEnt, 2)]
    [TestCase(Errno.EIntr, 4)]
    [TestCase(Errno.EIo, 5)]
    [TestCase(Errno.EBadF, 9)]
    [TestCase(Errno.EAgain, 11)]
    [TestCase(Errno.ENoMem, 12)]
    [TestCase(Errno.EAcces, 13)]
    [TestCase(Errno.EFault, 14)]
    [TestCase(Errno.EBusy, 16)]
    [TestCase(Errno.EInval, 22)]
    [TestCase(Errno.ENoSpc, 28)]
    [TestCase(Errno.ENoMsg, 35)]
    [TestCase(Errno.EDeadLk, 45)]
    [TestCase(Errno.ENoSys, 88)]
    [TestCase(Errno.EAddrInUse, 112)]
    [TestCase(Errno.ETimedOut, 116)]
    [TestCase(Errno.EAlready, 120)]
    [TestCase(Errno.ENotSup, 134)]
    [TestCase(Errno.ECanceled, 140)]
    public void Errno_HasZephyrsNumber(int value, int expected) => Assert.That(value, Is.EqualTo(expected));

    [Test]
    public void FatalReasons_HaveZephyrsNumbers()
    {
        Assert.That(new[] { (int)K_ERR_CPU_EXCEPTION, (int)K_ERR_SPURIOUS_IRQ, (int)K_ERR_STACK_CHK_FAIL, (int)K_ERR_KERNEL_OOPS, (int)K_ERR_KERNEL_PANIC }, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void Priorities_MatchZephyrDefaults()
    {
        Assert.Multiple(() =>
        {
            Assert.That(K_HIGHEST_THREAD_PRIO, Is.EqualTo(-16));
            Assert.That(K_LOWEST_APPLICATION_THREAD_PRIO, Is.EqualTo(14));
            Assert.That(K_IDLE_PRIO, Is.EqualTo(15));
            Assert.That(K_PRIO_COOP(0), Is.EqualTo(-16));
            Assert.That(K_PRIO_COOP(15), Is.EqualTo(-1));
            Assert.That(K_PRIO_PREEMPT(3), Is.EqualTo(3));
        });
    }

    [Test]
    public void KernelObjects_OccupyTheirStructSizes_InTheObjectArea()
    {
        using BoraKernel k = ZTest.Create();
        SemaphoreHandle a = k.DefineSemaphore("a", 0, 1);
        SemaphoreHandle b = k.DefineSemaphore("b", 0, 1);
        MutexHandle m = k.DefineMutex("m");
        ThreadHandle t = k.DeclareThread("t");
        SemaphoreHandle c = k.DefineSemaphore("c", 0, 1);
        Assert.Multiple(() =>
        {
            Assert.That(b.Address - a.Address, Is.EqualTo(16u), "sizeof(struct k_sem)");
            Assert.That(m.Address, Is.EqualTo(b.Address + 16));
            Assert.That(t.Address - m.Address, Is.EqualTo(20u), "sizeof(struct k_mutex)");
            Assert.That(c.Address - t.Address, Is.EqualTo(160u), "sizeof(struct k_thread)");
            Assert.That(k.Layout.Objects.Contains(a.Address) && k.Layout.Objects.Contains(c.Address), Is.True);
            Assert.That(k.Layout.Objects.Start, Is.GreaterThanOrEqualTo(0x2000_0000u), "kernel RAM");
        });
    }

    [Test]
    public void Stacks_FollowTheArchGeometry()
    {
        using BoraKernel k = ZTest.Create(o => o.StackGeometry = new StackGeometry(32, 64, 32, 8, PowerOfTwoSize: true, 0));
        StackHandle s = k.DefineStack("s", 700);
        ThreadStack stack = (ThreadStack)k.Objects.Single(o => o.Address == s.Address);
        Assert.Multiple(() =>
        {
            Assert.That(stack.Size, Is.EqualTo(1024u), "the whole object (reserved + buffer) is a power of two");
            Assert.That(stack.Address % 1024, Is.Zero, "aligned to its size (one user-stack region covers it)");
            Assert.That(stack.BufferStart, Is.EqualTo(stack.Address + 64), "reserved bytes first");
            Assert.That(stack.BufferSize, Is.EqualTo(1024u - 64), "at least the requested size");
            Assert.That(stack.GuardStart, Is.EqualTo(stack.BufferStart - 32));
            Assert.That(k.Layout.Stacks.Contains(stack.Address), Is.True);
        });
    }

    [Test]
    public void ThreadEntries_HaveAddressesInText_AndFetchThere()
    {
        using BoraKernel k = ZTest.Create();
        ThreadEntry entry = (_, _, _) => { };
        Symbol symbol = k.RegisterFunction("my_entry", entry);
        k.CreateThread(k.DeclareThread("t"), k.DefineStack("t_stack", 512), 512, entry, 0, 0, 0, 3, 0, K_NO_WAIT);
        Assert.Multiple(() =>
        {
            Assert.That(k.Layout.Text.Contains(symbol.Address), Is.True);
            Assert.That(k.Layout.Symbols.At(symbol.Address + 3), Is.EqualTo(symbol));
            Assert.That(k.Layout.Symbols.Describe(symbol.Address + 4), Is.EqualTo($"my_entry+0x4 (0x{symbol.Address + 4:X8})"));
            Assert.That(k.Board.MemoryMap.KindAt(symbol.Address), Is.EqualTo(MemoryKind.Rom));
        });
    }

    [Test]
    public void AppPartitions_AreReservedInTheirArea()
    {
        using BoraKernel k = ZTest.Create();
        var part = k.Layout.ReservePartition("app_data", 4096, 4096);
        Assert.That(part.Start % 4096, Is.Zero);
        Assert.That(k.Layout.AppPartitions.Contains(part.Start), Is.True);
        Assert.That(k.Layout.AreaOf(part.Start + 10)!.Name, Is.EqualTo("app_data"));
    }

    [Test]
    public void TicksPerSecond_DefaultsToZephyrsTicklessDefault()
    {
        using BoraKernel k = ZTest.Create();
        Assert.That(k.Clock.TicksPerSecond, Is.EqualTo(10_000u));
        Assert.That(k.Clock.MsToTicksCeil(1), Is.EqualTo(10));
        Assert.That(k.Clock.UsToTicksCeil(1), Is.EqualTo(1));
    }
}
