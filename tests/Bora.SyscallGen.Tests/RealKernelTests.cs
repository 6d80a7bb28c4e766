using Bora.Abi;
using Bora.Kernel.Syscalls;

namespace Bora.SyscallGen.Tests;

/// <summary>The types the generator emitted into the real Bora.Kernel, and its hand-written syscall contracts.</summary>
public sealed class RealKernelTests
{
    private sealed class RecordingContext : ISyscallContext
    {
        public List<string> Oopses { get; } = [];

        public void Oops(string message) => Oopses.Add(message);

        public void ReadUserWords(uint address, Span<uint> destination) => throw new AssertionException("no array expected");

        public void WriteUserUInt64(uint address, ulong value) => throw new AssertionException("no result pointer expected");

        public void TraceEnter(uint id, string name) => throw new AssertionException("no syscall expected");

        public void TraceExit(uint id, string name, uint result) => throw new AssertionException("no syscall expected");
    }

    [Test]
    public void RealKernel_Ids_EndWithBadAndLimit()
    {
        Assert.That(SyscallIds.K_SYSCALL_LIMIT, Is.EqualTo(SyscallIds.K_SYSCALL_BAD + 1));
        Assert.That(SyscallIds.NameOf(SyscallIds.K_SYSCALL_K_YIELD), Is.EqualTo("k_yield"));
        Assert.That(SyscallIds.NameOf(SyscallIds.K_SYSCALL_BAD), Is.Null);
    }

    [TestCase(0x7FFFFFFFu)]
    [TestCase(0xFFFFFFFFu)]
    [TestCase(SyscallIds.K_SYSCALL_BAD)]
    [TestCase(SyscallIds.K_SYSCALL_LIMIT)]
    public void RealDispatcher_BadId_Oopses(uint id)
    {
        var context = new RecordingContext();

        uint result = SyscallDispatcher.Dispatch(context, id, 1, 2, 3, 4, 5, 6);

        Assert.That(result, Is.Zero);
        Assert.That(context.Oopses, Is.EqualTo(new[] { $"Bad system call id {id} invoked" }));
    }

    [Test]
    public void UserTrap_OnAHostThread_IsNullSoStubsCallDirectly()
    {
        Assert.That(UserTrap.Current, Is.Null);
    }

    [TestCase(TimeoutKind.NoWait, 0L)]
    [TestCase(TimeoutKind.Forever, -1L)]
    [TestCase(TimeoutKind.Ticks, 123_456_789_012L)]
    [TestCase(TimeoutKind.Ticks, -7L)]
    [TestCase(TimeoutKind.Milliseconds, 5L)]
    [TestCase(TimeoutKind.Microseconds, (1L << 60) - 1)]
    [TestCase(TimeoutKind.AbsoluteTicks, -(1L << 60))]
    public void SyscallWords_Timeout_RoundTrips(TimeoutKind kind, long value)
    {
        ulong image = SyscallWords.FromTimeout(new KTimeout(kind, value));

        Assert.That(SyscallWords.TryToTimeout((uint)image, (uint)(image >> 32), out KTimeout back), Is.True);
        Assert.That(back, Is.EqualTo(new KTimeout(kind, value)));
    }

    [Test]
    public void SyscallWords_TimeoutBeyondTheAmountField_IsClamped()
    {
        ulong image = SyscallWords.FromTimeout(KTimeout.FromMilliseconds(long.MinValue));

        SyscallWords.TryToTimeout((uint)image, (uint)(image >> 32), out KTimeout back);

        Assert.That(back, Is.EqualTo(KTimeout.FromMilliseconds(-(1L << 60))));
    }

    [TestCase(0xC000_0000u)]
    [TestCase(0xE000_0000u)]
    public void SyscallWords_UnknownKind_IsRejected(uint hi)
    {
        Assert.That(SyscallWords.TryToTimeout(0, hi, out _), Is.False);
    }
}
