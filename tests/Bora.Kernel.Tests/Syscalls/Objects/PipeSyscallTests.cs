using Bora.Kernel.Memory;
using static Bora.Userspace.Z;

namespace Bora.Kernel.Tests.Syscalls.Objects;

/// <summary><c>k_pipe</c> (3.5–4.0 API) syscalls from user mode on every board, with user-mode ports of tests/kernel/pipe/pipe_api.</summary>
[TestFixtureSource(typeof(SyscallFixture), nameof(Boards))]
public sealed class PipeSyscallTests : ObjectSyscallFixture
{
    public PipeSyscallTests(string board)
        : base(board)
    {
    }

    [Test]
    public void user_thread_allocates_and_uses_a_pipe()
    {
        var results = new List<uint>();
        Run(() =>
        {
            UseSystemPool();
            SpawnGranted("user", () =>
            {
                Bora.Machine.Cpu cpu = K.Machine.Cpu;
                var p = (PipeHandle)z_object_alloc(K_OBJ_PIPE);
                results.Add((uint)z_pipe_alloc_init(p, 16));
                cpu.WriteUInt32(UserBuffer, 0x44332211);
                cpu.WriteUInt32(UserBuffer + 4, 0x88776655);
                results.Add((uint)z_pipe_put(p, UserBuffer, 8, UserBuffer + 16, 8, K_NO_WAIT));
                results.Add(cpu.ReadUInt32(UserBuffer + 16));
                results.Add(z_pipe_read_avail(p));
                results.Add(z_pipe_write_avail(p));
                results.Add((uint)z_pipe_get(p, UserBuffer + 32, 4, UserBuffer + 20, 4, K_NO_WAIT));
                results.Add(cpu.ReadUInt32(UserBuffer + 20));
                results.Add(cpu.ReadUInt32(UserBuffer + 32));
                z_pipe_buffer_flush(p);
                results.Add(z_pipe_read_avail(p));
                results.Add((uint)z_pipe_put(p, UserBuffer, 8, UserBuffer + 16, 8, K_NO_WAIT));
                z_pipe_flush(p);
                results.Add(z_pipe_read_avail(p));
            });
        });
        AssertNoFaults();
        Assert.That(results, Is.EqualTo(new uint[] { 0, 0, 8, 8, 8, 0, 4, 0x44332211, 0, 0, 0 }));
    }

    [Test]
    public void put_unknown_object() =>
        AssertObjectOops(() => new KObjectHandle(NotAnObject), a => z_pipe_put(new PipeHandle(a), UserBuffer, 4, UserBuffer + 16, 4, K_NO_WAIT), "is not a valid k_pipe: address is not a known kernel object");

    [Test]
    public void read_avail_wrong_type() =>
        AssertObjectOops(() => K.DefineKStack("s", 4), a => z_pipe_read_avail(new PipeHandle(a)), "address is actually a k_stack ('s')");

    [Test]
    public void flush_without_permission() =>
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_flush(new PipeHandle(a)), "does not have permission on k_pipe", makePublic: false);

    [Test]
    public void write_avail_uninitialised() =>
        AssertObjectOops(() => K.DeclarePipe("p"), a => z_pipe_write_avail(new PipeHandle(a)), "used before initialization (k_pipe 'p')");

    [Test]
    public void alloc_init_initialised() =>
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_alloc_init(new PipeHandle(a), 16), "k_pipe in use ('p')");

    /// <summary>test_pipe_user_put_fail's bad-buffer form: the data lies in kernel memory.</summary>
    [Test]
    public void put_from_kernel_memory() =>
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_put(new PipeHandle(a), KernelAddress, 8, UserBuffer + 16, 8, K_NO_WAIT), "(size 8) read access denied");

    [Test]
    public void put_with_bytes_written_in_kernel_memory() =>
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_put(new PipeHandle(a), UserBuffer, 8, KernelAddress, 8, K_NO_WAIT), "(size 4) write access denied");

    [Test]
    public void put_size_wraps() =>
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_put(new PipeHandle(a), UserBuffer, 0xFFFF_FFFF, UserBuffer + 16, 1, K_NO_WAIT), "(size 4294967295) read access denied");

    [Test]
    public void get_into_a_read_only_buffer()
    {
        (uint ro, Func<MemPartition[]> parts) = ReadOnlyPartition();
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_get(new PipeHandle(a), ro, 8, UserBuffer + 16, 0, K_NO_WAIT), $"Memory region 0x{ro:X8} (size 8) write access denied", extra: parts);
    }

    [Test]
    public void get_bytes_read_outside_the_domain()
    {
        uint outside = Reserve("not_in_domain");
        AssertObjectOops(() => K.DefinePipe("p", 16), a => z_pipe_get(new PipeHandle(a), UserBuffer, 8, outside, 0, K_NO_WAIT), $"Memory region 0x{outside:X8} (size 4) write access denied");
    }

    /// <summary>test_pipe_user_get_fail: reading an empty pipe from user mode with <c>K_NO_WAIT</c> and min_xfer 1 is <c>-EIO</c>.</summary>
    [Test]
    public void test_pipe_user_get_fail()
    {
        int ret = 0;
        Run(() =>
        {
            PipeHandle p = K.DefinePipe("pipe", 16);
            SpawnGranted("user", () => ret = z_pipe_get(p, UserBuffer, 4, UserBuffer + 16, 1, K_NO_WAIT), p);
        });
        AssertNoFaults();
        Assert.That(ret, Is.EqualTo(-EIO));
    }

    /// <summary>test_pipe_user_put_fail: writing more than a full pipe takes with <c>K_NO_WAIT</c> and min_xfer all is <c>-EIO</c>.</summary>
    [Test]
    public void test_pipe_user_put_fail()
    {
        int first = -1, second = 0;
        Run(() =>
        {
            PipeHandle p = K.DefinePipe("pipe", 8);
            SpawnGranted("user", () =>
            {
                first = z_pipe_put(p, UserBuffer, 8, UserBuffer + 16, 8, K_NO_WAIT);
                second = z_pipe_put(p, UserBuffer, 8, UserBuffer + 16, 8, K_NO_WAIT);
            }, p);
        });
        AssertNoFaults();
        Assert.That((first, second), Is.EqualTo((0, -EIO)));
    }
}
