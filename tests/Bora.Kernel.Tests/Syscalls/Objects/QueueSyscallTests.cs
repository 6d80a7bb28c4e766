using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary>
/// <c>k_queue</c> syscalls from user mode on every board (a <c>k_fifo</c>/<c>k_lifo</c> is used through its queue, as
/// Zephyr's macros do), plus user-mode ports of tests/kernel/queue/src/test_queue_user.c.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class QueueSyscallTests : ObjectSyscallFixture
{
    public QueueSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_initialises_and_uses_a_dynamic_queue()
    {
        var results = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                var q = (QueueHandle)z_object_alloc(K_OBJ_QUEUE);
                z_queue_init(q);
                results.Add((uint)z_queue_is_empty(q));
                results.Add((uint)z_queue_alloc_append(q, 0xA1));
                results.Add((uint)z_queue_alloc_append(q, 0xA2));
                results.Add((uint)z_queue_alloc_prepend(q, 0xA0));
                results.Add((uint)z_queue_is_empty(q));
                results.Add(z_queue_peek_head(q));
                results.Add(z_queue_peek_tail(q));
                results.Add(z_queue_get(q, K_NO_WAIT));
                results.Add(z_queue_get(q, K_NO_WAIT));
                results.Add(z_queue_get(q, K_NO_WAIT));
                results.Add(z_queue_get(q, K_MSEC(1)));
            });
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 1, 0, 0, 0, 0, 0xA0, 0xA2, 0xA0, 0xA1, 0xA2, 0 }));
    }

    [Test]
    public void user_thread_gets_from_a_fifo_through_its_queue()
    {
        uint got = 0;
        Run(() =>
        {
            FifoHandle fifo = K.DefineFifo("fifo");
            k_fifo_put(fifo, UserBuffer + 64);
            SpawnGranted("user", () => got = z_queue_get(new QueueHandle(fifo.Address), K_NO_WAIT), fifo);
        });
        AssertNoFaults();
        Assert.That(got, Is.EqualTo(UserBuffer + 64));
    }

    [Test]
    public void user_thread_cancels_a_supervisor_wait()
    {
        uint got = 1;
        Run(() =>
        {
            QueueHandle q = K.DefineQueue("q");
            ThreadHandle user = SpawnUser("user", () => z_queue_cancel_wait(q), join: false);
            k_thread_access_grant(user, q);
            got = k_queue_get(q, K_FOREVER);
        });
        AssertNoFaults();
        Assert.That(got, Is.Zero, "k_queue_cancel_wait makes the waiter return NULL");
    }

    [Test]
    public void get_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_queue_get(new QueueHandle(a), K_NO_WAIT), "is not a valid k_queue: address is not a known kernel object");

    [Test]
    public void get_wrong_type() =>
        AssertObjectOops(() => K.DefineMsgq("q", 4, 4), a => z_queue_get(new QueueHandle(a), K_NO_WAIT), "address is actually a k_msgq ('q')");

    [Test]
    public void alloc_append_without_permission() =>
        AssertObjectOops(() => K.DefineQueue("q"), a => z_queue_alloc_append(new QueueHandle(a), 1), "does not have permission on k_queue", makePublic: false);

    [Test]
    public void peek_head_uninitialised() =>
        AssertObjectOops(() => AllocUninitialized(K_OBJ_QUEUE), a => z_queue_peek_head(new QueueHandle(a)), "used before initialization");

    [Test]
    public void init_initialised() =>
        AssertObjectOops(() => K.DefineQueue("q"), a => z_queue_init(new QueueHandle(a)), "k_queue in use ('q')");

    [Test]
    public void supervisor_only_append_from_user_mode() =>
        AssertObjectOops(() => K.DefineQueue("q"), a => k_queue_append(new QueueHandle(a), UserBuffer), "supervisor-only");

    /// <summary>test_queue_supv_to_user: a supervisor thread fills a queue, a user thread drains it.</summary>
    [Test]
    public void test_queue_supv_to_user()
    {
        var got = new List<uint>();
        Run(() =>
        {
            QueueHandle q = K.DefineQueue("queue");
            for (uint i = 0; i < 4; i++)
            {
                k_queue_append(q, UserBuffer + (i * 16));
            }

            SpawnGranted("user", () =>
            {
                for (int i = 0; i < 4; i++)
                {
                    got.Add(z_queue_get(q, K_FOREVER));
                }
            }, q);
        });
        AssertNoFaults();
        Assert.That(got, Is.EqualTo(new[] { UserBuffer, UserBuffer + 16, UserBuffer + 32, UserBuffer + 48 }));
    }

    /// <summary>test_queue_alloc_prepend_user: items prepended from user mode come back in reverse order.</summary>
    [Test]
    public void test_queue_alloc_prepend_user() =>
        Assert.That(AllocInsertThenDrain(z_queue_alloc_prepend), Is.EqualTo(new uint[] { 4, 3, 2, 1 }));

    /// <summary>test_queue_alloc_append_user: items appended from user mode come back in order.</summary>
    [Test]
    public void test_queue_alloc_append_user() =>
        Assert.That(AllocInsertThenDrain(z_queue_alloc_append), Is.EqualTo(new uint[] { 1, 2, 3, 4 }));

    /// <summary>test_queue_alloc_append_user without a resource pool: <c>-ENOMEM</c>, no oops (queue's test_auto_free precondition).</summary>
    [Test]
    public void alloc_append_without_a_pool_is_enomem()
    {
        int ret = 0;
        Run(() =>
        {
            QueueHandle q = K.DefineQueue("queue");
            SpawnGranted("user", () => ret = z_queue_alloc_append(q, 1), q);
        });
        AssertNoFaults();
        Assert.That(ret, Is.EqualTo(-ENOMEM));
    }

    /// <summary>A user thread (with the system pool) inserts 1..4 with <paramref name="insert"/>, then drains the queue.</summary>
    private List<uint> AllocInsertThenDrain(Func<QueueHandle, uint, int> insert)
    {
        var got = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            QueueHandle q = K.DefineQueue("queue");
            SpawnGranted("user", () =>
            {
                for (uint i = 0; i < 4; i++)
                {
                    Assert.That(insert(q, i + 1), Is.Zero);
                }

                for (int i = 0; i < 4; i++)
                {
                    got.Add(z_queue_get(q, K_NO_WAIT));
                }
            }, q);
        });
        AssertNoFaults();
        return got;
    }
}
