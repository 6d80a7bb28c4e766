using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>Zephyr-spelled <c>k_pipe</c> API (3.5–4.0). Data arguments are addresses in simulated memory.</summary>
public static partial class K
{
    /// <summary><c>sizeof(size_t)</c> on the 32-bit targets.</summary>
    private const uint SizeTSize = 4;

    /// <summary><c>EIO</c>.</summary>
    public const int EIO = Errno.EIo;

    /// <summary><c>k_pipe_init</c>: 0, or -EINVAL for a buffer that is NULL, wraps or overlaps kernel memory (Zephyr's is void).</summary>
    public static int k_pipe_init(PipeHandle pipe, uint buffer, uint size)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeInit(c.Thread, pipe, buffer, size);
    }

    /// <summary><c>k_pipe_put</c> with <c>size_t *bytes_written</c> at an address: 0, -EIO, -EAGAIN or -EINVAL.</summary>
    [Syscall]
    public static int k_pipe_put(PipeHandle pipe, uint data, uint bytes_to_write, uint bytes_written, uint min_xfer, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipePut(c.Thread, pipe, data, bytes_to_write, bytes_written, storeCount: true, min_xfer, timeout, out _);
    }

    /// <summary><c>k_pipe_put</c> with the count in a local: 0, -EIO, -EAGAIN or -EINVAL.</summary>
    public static int k_pipe_put(PipeHandle pipe, uint data, uint bytes_to_write, out uint bytes_written, uint min_xfer, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipePut(c.Thread, pipe, data, bytes_to_write, 0, storeCount: false, min_xfer, timeout, out bytes_written);
    }

    /// <summary><c>k_pipe_get</c> with <c>size_t *bytes_read</c> at an address: 0, -EIO, -EAGAIN or -EINVAL.</summary>
    [Syscall]
    public static int k_pipe_get(PipeHandle pipe, uint data, uint bytes_to_read, uint bytes_read, uint min_xfer, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeGet(c.Thread, pipe, data, bytes_to_read, bytes_read, storeCount: true, min_xfer, timeout, out _);
    }

    /// <summary><c>k_pipe_get</c> with the count in a local: 0, -EIO, -EAGAIN or -EINVAL.</summary>
    public static int k_pipe_get(PipeHandle pipe, uint data, uint bytes_to_read, out uint bytes_read, uint min_xfer, KTimeout timeout)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeGet(c.Thread, pipe, data, bytes_to_read, 0, storeCount: false, min_xfer, timeout, out bytes_read);
    }

    /// <summary><c>k_pipe_flush</c>.</summary>
    [Syscall]
    public static void k_pipe_flush(PipeHandle pipe)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPipeFlush(c.Thread, pipe, bufferOnly: false);
    }

    /// <summary><c>k_pipe_buffer_flush</c>.</summary>
    [Syscall]
    public static void k_pipe_buffer_flush(PipeHandle pipe)
    {
        KernelContext c = Ctx();
        c.Kernel.CallPipeFlush(c.Thread, pipe, bufferOnly: true);
    }

    /// <summary><c>k_pipe_read_avail</c>.</summary>
    [Syscall]
    public static uint k_pipe_read_avail(PipeHandle pipe)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeAvail(c.Thread, pipe, write: false);
    }

    /// <summary><c>k_pipe_write_avail</c>.</summary>
    [Syscall]
    public static uint k_pipe_write_avail(PipeHandle pipe)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeAvail(c.Thread, pipe, write: true);
    }

    /// <summary><c>k_pipe_cleanup</c>: 0 or -EAGAIN.</summary>
    public static int k_pipe_cleanup(PipeHandle pipe)
    {
        KernelContext c = Ctx();
        return c.Kernel.CallPipeCleanup(c.Thread, pipe);
    }

    private static int z_vrfy_k_pipe_put(PipeHandle pipe, uint data, uint bytes_to_write, uint bytes_written, uint min_xfer, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(bytes_written), SizeTSize));
        K_OOPS(K_SYSCALL_MEMORY_READ(new UserPtr(data), bytes_to_write));
        return k_pipe_put(pipe, data, bytes_to_write, bytes_written, min_xfer, timeout);
    }

    private static int z_vrfy_k_pipe_get(PipeHandle pipe, uint data, uint bytes_to_read, uint bytes_read, uint min_xfer, KTimeout timeout)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(bytes_read), SizeTSize));
        K_OOPS(K_SYSCALL_MEMORY_WRITE(new UserPtr(data), bytes_to_read));
        return k_pipe_get(pipe, data, bytes_to_read, bytes_read, min_xfer, timeout);
    }

    private static void z_vrfy_k_pipe_flush(PipeHandle pipe)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        k_pipe_flush(pipe);
    }

    private static void z_vrfy_k_pipe_buffer_flush(PipeHandle pipe)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        k_pipe_buffer_flush(pipe);
    }

    private static uint z_vrfy_k_pipe_read_avail(PipeHandle pipe)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        return k_pipe_read_avail(pipe);
    }

    private static uint z_vrfy_k_pipe_write_avail(PipeHandle pipe)
    {
        K_OOPS(K_SYSCALL_OBJ(pipe, K_OBJ_PIPE));
        return k_pipe_write_avail(pipe);
    }
}
