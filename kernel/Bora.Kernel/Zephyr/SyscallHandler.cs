using System.Runtime.CompilerServices;
using Bora.Kernel.Syscalls;

namespace Bora.Kernel.Zephyr;

/// <summary>
/// What a verifier (<c>z_vrfy_*</c>) uses, as Zephyr's <c>include/zephyr/internal/syscall_handler.h</c> and
/// <c>kernel/userspace.c</c> spell it: <c>K_OOPS</c>, the <c>K_SYSCALL_MEMORY_*</c> checks (each true on failure,
/// overflow-safe, through <c>arch_buffer_validate</c>) and the user-copy helpers (positive errno values, as Zephyr's).
/// They act for the calling kernel thread; <c>K_OOPS</c> needs the user-mode syscall it serves.
/// </summary>
public static class SyscallHandler
{
    /// <summary><c>EFAULT</c> as the copy helpers return it (positive).</summary>
    public const int EFAULT = Errno.EFault;

    /// <summary><c>EINVAL</c> as the copy helpers return it (positive).</summary>
    public const int EINVAL = Errno.EInval;

    /// <summary>
    /// <c>K_OOPS(expr)</c>: when <paramref name="failed"/>, the calling user thread dies with <c>K_ERR_KERNEL_OOPS</c>,
    /// the report naming the syscall and the failed check; the kernel lives on. Does nothing otherwise.
    /// </summary>
    /// <param name="failed">The check's result (true = failed, as Zephyr's macros).</param>
    /// <param name="expression">The check, for the message when no <c>K_SYSCALL_*</c> recorded one.</param>
    /// <exception cref="InvalidOperationException">Called outside a user-mode syscall.</exception>
    public static void K_OOPS(bool failed, [CallerArgumentExpression(nameof(failed))] string expression = "")
    {
        if (!failed)
        {
            return;
        }

        KernelContext c = KernelContext.Require(nameof(K_OOPS));
        SyscallFrame frame = c.Kernel.SyscallFrameOf(c.Thread)
            ?? throw new InvalidOperationException($"K_OOPS({expression}) outside a user-mode syscall: verifiers run only for user-mode calls through the gate");
        string detail = frame.LastFailure ?? $"K_OOPS({expression})";
        frame.Oops($"syscall {frame.Name} failed check: {detail}");
    }

    /// <summary><c>K_SYSCALL_VERIFY_MSG(expr, msg)</c>: true (failed) when <paramref name="expr"/> is false, recording <paramref name="message"/>.</summary>
    /// <param name="expr">The condition that must hold.</param>
    /// <param name="message">What failed.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_VERIFY_MSG(bool expr, string message)
    {
        if (!expr)
        {
            Record(message);
        }

        return !expr;
    }

    /// <summary><c>K_SYSCALL_VERIFY(expr)</c>: <see cref="K_SYSCALL_VERIFY_MSG"/> with the expression as the message.</summary>
    /// <param name="expr">The condition that must hold.</param>
    /// <param name="expression">Its text.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_VERIFY(bool expr, [CallerArgumentExpression(nameof(expr))] string expression = "") =>
        K_SYSCALL_VERIFY_MSG(expr, expression);

    /// <summary>
    /// <c>K_SYSCALL_MEMORY(ptr, size, write)</c>: true (failed) unless the whole range neither wraps nor leaves what the
    /// caller may access (<c>arch_buffer_validate</c>; writable when <paramref name="write"/>).
    /// </summary>
    /// <param name="ptr">The user address.</param>
    /// <param name="size">Bytes.</param>
    /// <param name="write">Whether the kernel will write it.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_MEMORY(UserPtr ptr, ulong size, bool write)
    {
        KernelContext c = KernelContext.Require(nameof(K_SYSCALL_MEMORY));
        if (c.Kernel.UserBufferOk(ptr.Address, size, write))
        {
            return false;
        }

        Record(SyscallMessages.Denied(ptr.Address, size, write));
        return true;
    }

    /// <summary><c>K_SYSCALL_MEMORY_READ(ptr, size)</c>.</summary>
    /// <param name="ptr">The user address.</param>
    /// <param name="size">Bytes.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_MEMORY_READ(UserPtr ptr, ulong size) => K_SYSCALL_MEMORY(ptr, size, write: false);

    /// <summary><c>K_SYSCALL_MEMORY_WRITE(ptr, size)</c> (write implies read).</summary>
    /// <param name="ptr">The user address.</param>
    /// <param name="size">Bytes.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_MEMORY_WRITE(UserPtr ptr, ulong size) => K_SYSCALL_MEMORY(ptr, size, write: true);

    /// <summary>
    /// <c>K_SYSCALL_MEMORY_ARRAY_READ(ptr, nmemb, size)</c>: fails when <paramref name="nmemb"/> × <paramref name="size"/>
    /// overflows a 32-bit <c>size_t</c> (<c>size_mul_overflow</c>), else as <see cref="K_SYSCALL_MEMORY_READ"/>.
    /// </summary>
    /// <param name="ptr">The user address.</param>
    /// <param name="nmemb">Elements.</param>
    /// <param name="size">Bytes per element.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_MEMORY_ARRAY_READ(UserPtr ptr, uint nmemb, uint size) => MemoryArray(ptr, nmemb, size, write: false);

    /// <summary><c>K_SYSCALL_MEMORY_ARRAY_WRITE(ptr, nmemb, size)</c>: as <see cref="K_SYSCALL_MEMORY_ARRAY_READ"/>, writable.</summary>
    /// <param name="ptr">The user address.</param>
    /// <param name="nmemb">Elements.</param>
    /// <param name="size">Bytes per element.</param>
    /// <returns>Whether the check failed.</returns>
    public static bool K_SYSCALL_MEMORY_ARRAY_WRITE(UserPtr ptr, uint nmemb, uint size) => MemoryArray(ptr, nmemb, size, write: true);

    /// <summary>
    /// <c>k_usermode_from_copy</c>: copies <c>dst.Length</c> bytes from user memory into the kernel buffer
    /// <paramref name="dst"/> after <c>K_SYSCALL_MEMORY_READ</c>.
    /// </summary>
    /// <param name="dst">The kernel buffer.</param>
    /// <param name="src">The user source.</param>
    /// <returns>0, or <see cref="EFAULT"/> (positive) when the source is not readable by the caller; no oops.</returns>
    public static int k_usermode_from_copy(Span<byte> dst, UserPtr src)
    {
        if (K_SYSCALL_MEMORY_READ(src, (ulong)dst.Length))
        {
            return EFAULT;
        }

        KernelContext.Require(nameof(k_usermode_from_copy)).Kernel.Machine.Cpu.ReadBlock(src.Address, dst);
        return 0;
    }

    /// <summary><c>k_usermode_to_copy</c>: copies <paramref name="src"/> to user memory after <c>K_SYSCALL_MEMORY_WRITE</c>.</summary>
    /// <param name="dst">The user destination.</param>
    /// <param name="src">The kernel data.</param>
    /// <returns>0, or <see cref="EFAULT"/> (positive) when the destination is not writable by the caller; no oops.</returns>
    public static int k_usermode_to_copy(UserPtr dst, ReadOnlySpan<byte> src)
    {
        if (K_SYSCALL_MEMORY_WRITE(dst, (ulong)src.Length))
        {
            return EFAULT;
        }

        KernelContext.Require(nameof(k_usermode_to_copy)).Kernel.Machine.Cpu.WriteBlock(dst.Address, src);
        return 0;
    }

    /// <summary>
    /// <c>k_usermode_alloc_from_copy</c>: a kernel copy of <paramref name="size"/> user bytes, allocated from the caller's
    /// resource pool (<c>z_thread_malloc</c>), freed with <c>k_free</c>.
    /// </summary>
    /// <param name="src">The user source.</param>
    /// <param name="size">Bytes.</param>
    /// <returns>The kernel address of the copy, or 0 when the source is not readable, or the caller has no pool or it is exhausted.</returns>
    public static uint k_usermode_alloc_from_copy(UserPtr src, uint size)
    {
        if (K_SYSCALL_MEMORY_READ(src, size))
        {
            return 0;
        }

        KernelContext c = KernelContext.Require(nameof(k_usermode_alloc_from_copy));
        uint copy = c.Kernel.ThreadMalloc(c.Thread, size);
        if (copy != 0)
        {
            CopyInKernel(copy, src.Address, size);
        }

        return copy;
    }

    /// <summary>
    /// <c>k_usermode_string_nlen</c> (<c>arch_user_string_nlen</c>): the length of the string at <paramref name="src"/>,
    /// at most <paramref name="maxlen"/>, read in kernel mode with faults caught. It does not prove the string readable
    /// by the caller: check it with <c>K_SYSCALL_MEMORY_READ</c> too.
    /// </summary>
    /// <param name="src">The string.</param>
    /// <param name="maxlen">The most bytes to scan.</param>
    /// <param name="err">0, or -1 when a byte could not be read.</param>
    /// <returns>The length before the terminator (or <paramref name="maxlen"/>); on a fault, the bytes read before it.</returns>
    public static uint k_usermode_string_nlen(UserPtr src, uint maxlen, out int err)
    {
        Cpu cpu = KernelContext.Require(nameof(k_usermode_string_nlen)).Kernel.Machine.Cpu;
        err = 0;
        for (uint i = 0; i < maxlen; i++)
        {
            if ((ulong)src.Address + i > uint.MaxValue
                || cpu.TryRead(src.Address + i, 1, AccessKind.Read, Privilege.Supervisor, out uint value) is not null)
            {
                err = -1;
                return i;
            }

            if (value == 0)
            {
                return i;
            }
        }

        return maxlen;
    }

    /// <summary>
    /// <c>k_usermode_string_copy</c>: copies the user string at <paramref name="src"/>, terminator included, into
    /// <paramref name="dst"/> (at least <paramref name="maxlen"/> bytes); the terminator is forced afterwards, so a string
    /// changed under the copy is still terminated.
    /// </summary>
    /// <param name="dst">The kernel buffer.</param>
    /// <param name="src">The user string.</param>
    /// <param name="maxlen">The size of <paramref name="dst"/> the string may use, terminator included.</param>
    /// <returns>0; <see cref="EFAULT"/> when unreadable; <see cref="EINVAL"/> when not terminated within <paramref name="maxlen"/> (positive).</returns>
    public static int k_usermode_string_copy(Span<byte> dst, UserPtr src, uint maxlen)
    {
        if (maxlen > (uint)dst.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(maxlen), maxlen, $"the kernel buffer holds {dst.Length} bytes");
        }

        uint length = k_usermode_string_nlen(src, maxlen, out int err);
        if (err != 0)
        {
            Record($"string 0x{src.Address:X8} faulted");
            return EFAULT;
        }

        if (length == maxlen)
        {
            Record($"string 0x{src.Address:X8} is not terminated within {maxlen} bytes");
            return EINVAL;
        }

        int ret = k_usermode_from_copy(dst[..(int)(length + 1)], src);
        if (ret != 0)
        {
            return ret;
        }

        dst[(int)length] = 0;
        return 0;
    }

    /// <summary>
    /// <c>k_usermode_string_alloc_copy</c>: a terminated kernel copy of the user string at <paramref name="src"/>, allocated
    /// from the caller's resource pool (<c>z_thread_malloc</c>), freed with <c>k_free</c>.
    /// </summary>
    /// <param name="src">The user string.</param>
    /// <param name="maxlen">The most bytes, terminator included.</param>
    /// <returns>The kernel address of the copy, or 0 (fault, not terminated, or no memory).</returns>
    public static uint k_usermode_string_alloc_copy(UserPtr src, uint maxlen)
    {
        uint length = k_usermode_string_nlen(src, maxlen, out int err);
        if (err != 0 || length == maxlen)
        {
            Record(err != 0 ? $"string 0x{src.Address:X8} faulted" : $"string 0x{src.Address:X8} is not terminated within {maxlen} bytes");
            return 0;
        }

        uint copy = k_usermode_alloc_from_copy(src, length + 1);
        if (copy != 0)
        {
            KernelContext.Require(nameof(k_usermode_string_alloc_copy)).Kernel.Machine.Cpu.WriteByte(copy + length, 0);
        }

        return copy;
    }

    /// <summary><c>k_is_in_user_syscall</c>: whether the calling thread is serving a user-mode syscall (not in an ISR).</summary>
    /// <returns>Whether a syscall frame is set.</returns>
    public static bool k_is_in_user_syscall()
    {
        KernelContext c = KernelContext.Require(nameof(k_is_in_user_syscall));
        return c.Kernel.SyscallFrameOf(c.Thread) is not null;
    }

    private static bool MemoryArray(UserPtr ptr, uint nmemb, uint size, bool write)
    {
        ulong bytes = (ulong)nmemb * size;
        if (bytes > uint.MaxValue)
        {
            Record(SyscallMessages.ArrayTooLarge(nmemb, size));
            return true;
        }

        return K_SYSCALL_MEMORY(ptr, bytes, write);
    }

    private static void CopyInKernel(uint destination, uint source, uint size)
    {
        Cpu cpu = KernelContext.Require(nameof(k_usermode_alloc_from_copy)).Kernel.Machine.Cpu;
        var buffer = new byte[size];
        cpu.ReadBlock(source, buffer);
        cpu.WriteBlock(destination, buffer);
    }

    private static void Record(string message)
    {
        KernelContext c = KernelContext.Require("K_SYSCALL_*");
        if (c.Kernel.SyscallFrameOf(c.Thread) is { } frame)
        {
            frame.LastFailure = message;
        }
    }
}
