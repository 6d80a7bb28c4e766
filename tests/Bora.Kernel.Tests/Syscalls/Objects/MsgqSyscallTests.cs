using Bora.Kernel.Memory;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary>
/// <c>k_msgq</c> syscalls from user mode on every board: a user thread allocates, initialises and uses a queue through
/// the <c>z_*</c> stubs; every verifier check oopses only its caller.
/// </summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class MsgqSyscallTests : ObjectSyscallFixture
{
    public MsgqSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_allocates_and_uses_a_msgq()
    {
        var results = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                var q = (MsgqHandle)z_object_alloc(K_OBJ_MSGQ);
                Assert.That(q.Address, Is.Not.Zero);
                results.Add((uint)z_msgq_alloc_init(q, 8, 4));
                Bora.Machine.Cpu cpu = K.Machine.Cpu;
                cpu.WriteUInt32(UserBuffer, 0x11111111);
                cpu.WriteUInt32(UserBuffer + 4, 0x22222222);
                results.Add((uint)z_msgq_put(q, UserBuffer, K_NO_WAIT));
                cpu.WriteUInt32(UserBuffer, 0x33333333);
                results.Add((uint)z_msgq_put(q, UserBuffer, K_NO_WAIT));
                results.Add(z_msgq_num_used_get(q));
                results.Add(z_msgq_num_free_get(q));
                results.Add((uint)z_msgq_peek_at(q, UserBuffer + 16, 1));
                results.Add(cpu.ReadUInt32(UserBuffer + 16));
                results.Add((uint)z_msgq_peek(q, UserBuffer + 16));
                results.Add(cpu.ReadUInt32(UserBuffer + 16));
                z_msgq_get_attrs(q, UserBuffer + 32);
                results.Add(cpu.ReadUInt32(UserBuffer + 32));
                results.Add(cpu.ReadUInt32(UserBuffer + 36));
                results.Add(cpu.ReadUInt32(UserBuffer + 40));
                results.Add((uint)z_msgq_get(q, UserBuffer + 48, K_NO_WAIT));
                results.Add(cpu.ReadUInt32(UserBuffer + 52));
                z_msgq_purge(q);
                results.Add(z_msgq_num_used_get(q));
                results.Add((uint)z_msgq_get(q, UserBuffer + 48, K_MSEC(1)));
            });
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 0, 0, 0, 2, 2, 0, 0x33333333, 0, 0x11111111, 8, 4, 2, 0, 0x22222222, 0, unchecked((uint)-EAGAIN) }));
    }

    [Test]
    public void put_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_msgq_put(new MsgqHandle(a), UserBuffer, K_NO_WAIT), "is not a valid k_msgq: address is not a known kernel object");

    [Test]
    public void put_wrong_type() =>
        AssertObjectOops(() => K.DefineSemaphore("sem", 0, 1), a => z_msgq_put(new MsgqHandle(a), UserBuffer, K_NO_WAIT), "is not a valid k_msgq: address is actually a k_sem ('sem')");

    [Test]
    public void get_without_permission() =>
        AssertObjectOops(() => K.DefineMsgq("q", 4, 4), a => z_msgq_get(new MsgqHandle(a), UserBuffer, K_NO_WAIT), "does not have permission on k_msgq", makePublic: false);

    [Test]
    public void num_used_get_uninitialised() =>
        AssertObjectOops(() => K.DeclareMsgq("q"), a => z_msgq_num_used_get(new MsgqHandle(a)), "used before initialization (k_msgq 'q')");

    [Test]
    public void alloc_init_initialised() =>
        AssertObjectOops(() => K.DefineMsgq("q", 4, 4), a => z_msgq_alloc_init(new MsgqHandle(a), 4, 4), "k_msgq in use ('q')");

    [Test]
    public void put_from_a_buffer_outside_the_domain()
    {
        uint outside = Reserve("not_in_domain");
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => z_msgq_put(new MsgqHandle(a), outside, K_NO_WAIT), $"Memory region 0x{outside:X8} (size 8) read access denied");
    }

    [Test]
    public void put_from_kernel_memory() =>
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => z_msgq_put(new MsgqHandle(a), KernelAddress, K_NO_WAIT), "(size 8) read access denied");

    [Test]
    public void put_straddling_the_partition_end() =>
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => z_msgq_put(new MsgqHandle(a), UserBuffer + PartSize - 4, K_NO_WAIT), "(size 8) read access denied");

    [Test]
    public void get_into_a_read_only_buffer()
    {
        (uint ro, Func<MemPartition[]> parts) = ReadOnlyPartition();
        AssertObjectOops(
            () =>
            {
                MsgqHandle q = K.DefineMsgq("q", 8, 4);
                Assert.That(k_msgq_put(q, UserBuffer, K_NO_WAIT), Is.Zero);
                return q;
            },
            a => z_msgq_get(new MsgqHandle(a), ro, K_NO_WAIT),
            $"Memory region 0x{ro:X8} (size 8) write access denied",
            extra: parts);
    }

    [Test]
    public void peek_into_kernel_memory() =>
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => z_msgq_peek(new MsgqHandle(a), KernelAddress), "(size 8) write access denied");

    [Test]
    public void get_attrs_into_kernel_memory() =>
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => z_msgq_get_attrs(new MsgqHandle(a), KernelAddress), "(size 12) write access denied");

    [Test]
    public void supervisor_only_call_from_user_mode() =>
        AssertObjectOops(() => K.DefineMsgq("q", 8, 4), a => k_msgq_put(new MsgqHandle(a), UserBuffer, K_NO_WAIT), "z_msgq_put");
}
