namespace Bora.Kernel.Tests.Objects;

/// <summary>
/// Ported from zephyr tests/kernel/mem_protect/mem_protect/src/inherit.c, object part (the domain part is
/// <c>test_mem_domain_inherit_child_thread</c> in the domain conformance suite): a <c>K_INHERIT_PERMS</c> child may use
/// every object its creator was granted, but not the creator's own thread object.
/// </summary>
public sealed class InheritPortedTests
{
    [Test]
    public void test_permission_inheritance()
    {
        using BoraKernel k = ZTest.Create();
        StackHandle test1Stack = k.DefineStack("test_1_stack", ObjectTestSupport.StackSize);
        SemaphoreHandle inheritSem = k.DefineSemaphore("inherit_sem", 0, 1);
        MutexHandle inheritMutex = k.DefineMutex("inherit_mutex");
        TimerHandle inheritTimer = k.DefineTimer("inherit_timer");
        MsgqHandle inheritMsgq = k.DefineMsgq("inherit_msgq", 4, 4);
        ThreadHandle test1Tid = k.DeclareThread("test_1_tid");
        var access = new List<int>();
        int parentObject = 0;
        ZTest.Run(k, () =>
        {
            ThreadHandle parentTid = k_current_get();
            k_thread_access_grant(parentTid, inheritSem, inheritMutex, inheritTimer, inheritMsgq, test1Stack);
            k_thread_create(test1Tid, test1Stack, ObjectTestSupport.StackSize, (_, _, _) =>
            {
                // access_test(): every object the parent was granted.
                access.Add(ObjectTestSupport.Validate(inheritSem, K_OBJ_SEM));
                access.Add(ObjectTestSupport.Validate(inheritMutex, K_OBJ_MUTEX));
                access.Add(ObjectTestSupport.Validate(inheritTimer, K_OBJ_TIMER));
                access.Add(ObjectTestSupport.Validate(inheritMsgq, K_OBJ_MSGQ));
                access.Add(ObjectTestSupport.Validate(test1Stack, K_OBJ_THREAD_STACK_ELEMENT));

                // k_thread_priority_get(parent_tid) from user mode oopses: the parent's thread object is not inherited.
                parentObject = ObjectTestSupport.Validate(parentTid, K_OBJ_THREAD);
            }, 0, 0, 0, 0, K_INHERIT_PERMS, K_NO_WAIT);
            k_thread_join(test1Tid, K_FOREVER);
        });
        Assert.Multiple(() =>
        {
            Assert.That(access, Is.EqualTo(new[] { 0, 0, 0, 0, 0 }));
            Assert.That(parentObject, Is.EqualTo(-EPERM));
        });
    }
}
