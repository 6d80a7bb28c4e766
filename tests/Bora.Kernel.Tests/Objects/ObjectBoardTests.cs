using Bora.Boards;

namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// Dynamic objects on every built-in board: a thread stack from <c>k_object_alloc_size</c> follows the arch's stack
/// geometry and hosts a user thread, and a dynamic kernel object in the heap is out of the user thread's reach.
/// </summary>
public sealed class ObjectBoardTests
{
    private static IEnumerable<string> Boards => KernelBoards.Names;

    [TestCaseSource(nameof(Boards))]
    public void DynamicStack_HostsAUserThread_DynamicObjectsStayPrivate(string board)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        using var k = new BoraKernel(options);
        var reports = new List<FatalErrorReport>();
        k.SetFatalErrorHandler((_, r) => reports.Add(r));
        ThreadStack stack = null!;
        KObject sem = null!, thread = null!;
        uint seen = 0;
        bool reachedObjectWrite = false, wroteObject = false;
        ObjectTestSupport.RunWithSystemPool(k, () =>
        {
            var stackHandle = (StackHandle)k_object_alloc_size(K_OBJ_THREAD_STACK_ELEMENT, 1024);
            var semHandle = (SemaphoreHandle)k_object_alloc(K_OBJ_SEM);
            var threadHandle = (ThreadHandle)k_object_alloc(K_OBJ_THREAD);
            Assert.That(stackHandle.Address * semHandle.Address * threadHandle.Address, Is.Not.Zero);
            stack = (ThreadStack)k_object_find(stackHandle)!;
            sem = k_object_find(semHandle)!;
            thread = k_object_find(threadHandle)!;
            Assert.That(k_sem_init(semHandle, 0, 1), Is.Zero);
            k_thread_create(threadHandle, stackHandle, 1024, (_, _, _) =>
            {
                var cpu = k.Machine.Cpu;
                cpu.WriteUInt32(stack.BufferStart, 0xC0FFEE);
                seen = cpu.ReadUInt32(stack.BufferStart);
                reachedObjectWrite = true;
                cpu.WriteUInt32(semHandle.Address, 0xBAD);
                wroteObject = true;
            }, 0, 0, 0, 0, K_USER, K_NO_WAIT);
            Assert.That(k_thread_join(threadHandle, K_FOREVER), Is.Zero);
        });
        Assert.Multiple(() =>
        {
            Assert.That(stack.BufferSize, Is.GreaterThanOrEqualTo(1024u));
            Assert.That(stack.Address % options.StackGeometry.Alignment, Is.Zero, "aligned as the arch's stacks are");
            if (options.StackGeometry.PowerOfTwoSize)
            {
                Assert.That(System.Numerics.BitOperations.IsPow2(stack.Size), Is.True);
                Assert.That(stack.Address % stack.Size, Is.Zero, "a power-of-two stack object is aligned to its size");
            }

            Assert.That(seen, Is.EqualTo(0xC0FFEEu), "the user thread uses its dynamic stack");
            Assert.That((reachedObjectWrite, wroteObject), Is.EqualTo((true, false)), "a kernel object is not user memory");
            Assert.That(reports, Has.Count.EqualTo(1));
            Assert.That(reports[0].Mode, Is.EqualTo(Privilege.User));
            Assert.That(new[] { stack.IsFreed, sem.IsFreed, thread.IsFreed }, Is.All.True, "the ztest thread held the last references and exited");
        });
    }

    [TestCaseSource(nameof(Boards))]
    public void PermissionLifecycle_IsArchIndependent(string board)
    {
        KernelOptions options = KernelBoards.Get(board).CreateOptions();
        options.HostWaitTimeout = TimeSpan.FromSeconds(20);
        using var k = new BoraKernel(options);
        SemaphoreHandle sem = k.DefineSemaphore("sem", 0, 1);
        ThreadHandle child = k.DeclareThread("child");
        StackHandle childStack = k.DefineStack("child_stack", ObjectTestSupport.StackSize);
        int inherited = -1, afterRevoke = 0;
        ObjectTestSupport.RunWithSystemPool(k, () =>
        {
            k_object_access_grant(sem, k_current_get());
            ObjectTestSupport.RunChild(child, childStack, K_INHERIT_PERMS, () => inherited = ObjectTestSupport.Validate(sem, K_OBJ_SEM));
            k_object_access_revoke(sem, k_current_get());
            ObjectTestSupport.RunChild(child, childStack, K_INHERIT_PERMS, () => afterRevoke = ObjectTestSupport.Validate(sem, K_OBJ_SEM));
        });
        Assert.That((inherited, afterRevoke), Is.EqualTo((0, -EPERM)));
    }
}
