using Bora.Abi;
using Bora.Kernel.Syscalls;

namespace Bora.SyscallGen.Tests;

public sealed class DispatchBehaviourTests
{
    private static readonly uint[] s_none = new uint[6];

    [TestCase(0x7FFFFFFFu)]
    [TestCase(0xFFFFFFFFu)]
    [TestCase(7u, Description = "K_SYSCALL_LIMIT")]
    [TestCase(6u, Description = "K_SYSCALL_BAD itself")]
    public void Dispatch_BadId_OopsesNamingTheId(uint id)
    {
        string log = DemoKernel.Dispatch(id, s_none);

        Assert.That(log, Is.EqualTo($"oops Bad system call id {id} invoked"));
    }

    [Test]
    public void Dispatch_UnimplementedSyscall_OopsesNamingIt()
    {
        string log = DemoKernel.Dispatch(DemoKernel.Id("K_SYSCALL_K_FLOAT_DISABLE"), s_none);

        Assert.That(log, Is.EqualTo("oops Unimplemented system call k_float_disable (id 0)"));
    }

    [Test]
    public void Dispatch_ObjectAndTimeout_UnmarshalsAndReturnsTheVerifierResultBetweenTraceHooks()
    {
        ulong timeout = SyscallWords.FromTimeout(KTimeout.FromMilliseconds(5));

        string log = DemoKernel.Dispatch(3, [0x2000_0010, (uint)timeout, (uint)(timeout >> 32), 9, 9, 9]);

        Assert.That(log, Is.EqualTo(
            "enter 3 k_sem_take\n" +
            "vrfy k_sem_take k_sem@0x20000010 K_MSEC(5)\n" +
            "exit 3 k_sem_take 0xFFFFFFF5\n" +
            "result 0xFFFFFFF5"));
    }

    [Test]
    public void Dispatch_TimeoutWithBadKind_Oopses()
    {
        string log = DemoKernel.Dispatch(3, [0x2000_0010, 1, 0xE000_0000, 0, 0, 0]);

        Assert.That(log, Is.EqualTo("enter 3 k_sem_take\noops k_sem_take: argument timeout (0xE000000000000001) is not a k_timeout_t"));
    }

    [Test]
    public void Dispatch_64BitResult_IsWrittenThroughTheResultPointerAndReturnsZero()
    {
        string log = DemoKernel.Dispatch(5, [0x200, 0, 0, 0, 0, 0]);

        Assert.That(log, Is.EqualTo(
            "enter 5 k_uptime_ticks\n" +
            "vrfy k_uptime_ticks\n" +
            "write 0x123456789ABCDEF at 0x200\n" +
            "exit 5 k_uptime_ticks 0x0\n" +
            "result 0x0\n" +
            "mem[0x200] 0x0123456789ABCDEF"));
    }

    [Test]
    public void Dispatch_MoreThanSixWords_ReadsWordsFiveOnwardFromTheUserArray()
    {
        ulong delay = SyscallWords.FromTimeout(KTimeout.FromTicks(-3));

        string log = DemoKernel.Dispatch(4, [0x3000, 0x4000, 512, 0xABC, 1, 0x100], 2, 3, unchecked((uint)-5), (uint)ThreadOptions.User, (uint)delay, (uint)(delay >> 32));

        Assert.That(log, Is.EqualTo(
            "enter 4 k_thread_create\n" +
            "read 6 words at 0x100\n" +
            "vrfy k_thread_create k_thread@0x00003000 0x00004000 512 ABC 1 2 3 -5 User K_TICKS(-3)\n" +
            "exit 4 k_thread_create 0x3001\n" +
            "result 0x3001"));
    }

    [Test]
    public void Dispatch_MoreThanSixWordsUnreadable_OopsesBeforeTheVerifier()
    {
        string log = DemoKernel.Dispatch(4, [0x3000, 0x4000, 512, 0xABC, 1, 0x3000_0000]);

        Assert.That(log, Is.EqualTo(
            "enter 4 k_thread_create\n" +
            "read 6 words at 0x30000000\n" +
            "oops Memory region 0x30000000 (size 24) read access denied"));
    }

    [Test]
    public void Dispatch_SplitWordsNarrowTypesAndResultPointerInTheArray_AreUnmarshalledInOrder()
    {
        string log = DemoKernel.Dispatch(1, [0xFFFF_FFFE, 0xFFFF_FFFF, 0x89AB_CDEF, 0x0123_4567, 0xFFFF_FFFE, 0x100], 0x1FF, 2, 3, 0x200);

        Assert.That(log, Is.EqualTo(
            "enter 1 k_mix\n" +
            "read 4 words at 0x100\n" +
            "vrfy k_mix -2 123456789ABCDEF -2 255 True KernelOops\n" +
            "write 0x123456789ABCDF0 at 0x200\n" +
            "exit 1 k_mix 0x0\n" +
            "result 0x0\n" +
            "mem[0x200] 0x0123456789ABCDF0"));
    }
}
