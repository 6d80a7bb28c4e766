using Bora.Kernel.Memory;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary><c>k_stack</c> syscalls from user mode on every board, with user-mode ports of tests/kernel/stack/stack.</summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class StackSyscallTests : ObjectSyscallFixture
{
    public StackSyscallTests(string board)
        : base(board)
    {
    }

    /// <summary>test_stack_alloc_thread2thread's user half: alloc_init from user mode, push, pop into user memory (LIFO).</summary>
    [Test]
    public void user_thread_allocates_pushes_and_pops()
    {
        var results = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                var s = (KStackHandle)z_object_alloc(K_OBJ_STACK);
                results.Add((uint)z_stack_alloc_init(s, 2));
                results.Add((uint)z_stack_push(s, 0xB1));
                results.Add((uint)z_stack_push(s, 0xB2));
                results.Add((uint)z_stack_push(s, 0xB3));
                results.Add((uint)z_stack_pop(s, UserBuffer, K_NO_WAIT));
                results.Add(K.Machine.Cpu.ReadUInt32(UserBuffer));
                results.Add((uint)z_stack_pop(s, UserBuffer, K_NO_WAIT));
                results.Add(K.Machine.Cpu.ReadUInt32(UserBuffer));
                results.Add((uint)z_stack_pop(s, UserBuffer, K_NO_WAIT));
            });
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 0, 0, 0, unchecked((uint)-ENOMEM), 0, 0xB2, 0, 0xB1, unchecked((uint)-EBUSY) }));
    }

    [Test]
    public void push_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_stack_push(new KStackHandle(a), 1), "is not a valid k_stack: address is not a known kernel object");

    [Test]
    public void push_wrong_type() =>
        AssertObjectOops(() => K.DefineQueue("q"), a => z_stack_push(new KStackHandle(a), 1), "address is actually a k_queue ('q')");

    [Test]
    public void push_without_permission() =>
        AssertObjectOops(() => K.DefineKStack("s", 4), a => z_stack_push(new KStackHandle(a), 1), "does not have permission on k_stack", makePublic: false);

    [Test]
    public void pop_uninitialised() =>
        AssertObjectOops(() => K.DeclareKStack("s"), a => z_stack_pop(new KStackHandle(a), UserBuffer, K_NO_WAIT), "used before initialization (k_stack 's')");

    [Test]
    public void alloc_init_initialised() =>
        AssertObjectOops(() => K.DefineKStack("s", 4), a => z_stack_alloc_init(new KStackHandle(a), 4), "k_stack in use ('s')");

    [Test]
    public void alloc_init_zero_entries() =>
        AssertObjectOops(() => K.DeclareKStack("s"), a => z_stack_alloc_init(new KStackHandle(a), 0), "num_entries > 0");

    [Test]
    public void alloc_init_size_overflows() =>
        AssertObjectOops(() => K.DeclareKStack("s"), a => z_stack_alloc_init(new KStackHandle(a), 0x4000_0000), "size_mul_overflow");

    /// <summary>test_stack_user_pop_fail's bad-pointer half: popping into kernel memory oopses the caller.</summary>
    [Test]
    public void pop_into_kernel_memory() =>
        AssertObjectOops(() => K.DefineKStack("s", 4), a => z_stack_pop(new KStackHandle(a), KernelAddress, K_NO_WAIT), "(size 4) write access denied");

    [Test]
    public void pop_into_a_read_only_buffer()
    {
        (uint ro, Func<MemPartition[]> parts) = ReadOnlyPartition();
        AssertObjectOops(() => K.DefineKStack("s", 4), a => z_stack_pop(new KStackHandle(a), ro, K_NO_WAIT), $"Memory region 0x{ro:X8} (size 4) write access denied", extra: parts);
    }

    /// <summary>test_stack_user_pop_fail: popping an empty stack from user mode with <c>K_NO_WAIT</c> is <c>-EBUSY</c>.</summary>
    [Test]
    public void test_stack_user_pop_fail()
    {
        int ret = 0;
        Run(() =>
        {
            KStackHandle s = K.DefineKStack("stack", 4);
            SpawnGranted("user", () => ret = z_stack_pop(s, UserBuffer, K_NO_WAIT), s);
        });
        AssertNoFaults();
        Assert.That(ret, Is.EqualTo(-EBUSY));
    }

    /// <summary>test_stack_user_thread2thread: a user thread pops what a supervisor thread pushes, and back.</summary>
    [Test]
    public void test_stack_user_thread2thread()
    {
        uint got = 0, back = 0;
        Run(() =>
        {
            KStackHandle s = K.DefineKStack("stack", 4);
            KStackHandle s2 = K.DefineKStack("stack2", 4);
            ThreadHandle user = SpawnUser("user", () =>
            {
                Assert.That(z_stack_pop(s, UserBuffer, K_FOREVER), Is.Zero);
                got = K.Machine.Cpu.ReadUInt32(UserBuffer);
                Assert.That(z_stack_push(s2, got + 1), Is.Zero);
            }, join: false);
            k_thread_access_grant(user, s, s2);
            Assert.That(k_stack_push(s, 0x1234), Is.Zero);
            Assert.That(k_stack_pop(s2, out back, K_FOREVER), Is.Zero);
            Assert.That(k_thread_join(user, K_FOREVER), Is.Zero);
        });
        AssertNoFaults();
        Assert.That((got, back), Is.EqualTo((0x1234u, 0x1235u)));
    }
}
