using Bora.Kernel.Syscalls;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls;

/// <summary>
/// Zephyr's <c>tests/kernel/mem_protect/userspace</c> oops tests on every board: <c>k_oops</c>, <c>k_panic</c> and
/// <c>ARCH_EXCEPT</c> with other reasons from user mode go through the gate (<c>user_fault</c>) and kill the caller with
/// <c>K_ERR_KERNEL_OOPS</c>, except <c>K_ERR_STACK_CHK_FAIL</c>, which is delivered as it is (DESIGN §7).
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class UserOopsTests : SyscallFixture
{
    public UserOopsTests(string board)
        : base(board)
    {
    }

    [Test]
    public void test_oops_oops() => AssertUserFault(() => k_oops(), FatalReason.KernelOops, "k_oops() called from user mode");

    [Test]
    public void test_oops_panic() => AssertUserFault(() => k_panic(), FatalReason.KernelOops, "k_panic() called from user mode");

    [Test]
    public void test_oops_exception() => AssertUserFault(() => z_user_fault((uint)FatalReason.CpuException), FatalReason.KernelOops, "ARCH_EXCEPT(reason 0)");

    [Test]
    public void test_oops_maxint() => AssertUserFault(() => z_user_fault(int.MaxValue), FatalReason.KernelOops, "ARCH_EXCEPT(reason 2147483647)");

    [Test]
    public void test_oops_stackcheck() => AssertUserFault(() => z_user_fault((uint)FatalReason.StackCheckFail), FatalReason.StackCheckFail, "user_fault syscall");

    [Test]
    public void k_oops_from_user_mode_goes_through_the_gate()
    {
        AssertUserFault(() => k_oops(), FatalReason.KernelOops, "user_fault");
        Assert.That(
            K.Trace.Snapshot().Where(e => e.Kind == TraceEventKind.SyscallEnter).Select(e => (uint)e.Arg),
            Does.Contain(SyscallIds.K_SYSCALL_USER_FAULT));
    }

    [Test]
    public void k_panic_from_a_supervisor_thread_still_halts()
    {
        K.SetFatalErrorHandler(null);
        K.CreateThread("panicker", (_, _, _) => k_panic(), 0, 1024);
        K.Boot();
        K.RunUntilIdle();
        Assert.That(K.Halt?.Reason, Is.EqualTo(FatalReason.KernelPanic), "the supervisor reason is not rewritten");
    }

    private void AssertUserFault(Action body, FatalReason reason, string message) => AssertOopsOnlyCaller(body, message, reason);
}
