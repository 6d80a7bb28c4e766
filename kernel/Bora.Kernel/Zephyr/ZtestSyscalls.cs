using System.Text;
using Bora.Kernel.Syscalls;
using static Bora.Kernel.Zephyr.SyscallHandler;

namespace Bora.Kernel.Zephyr;

/// <summary>
/// The syscalls Zephyr's <c>tests/kernel/mem_protect/syscalls</c> declares in its test application (<c>string_nlen</c>,
/// <c>string_alloc_copy</c>, <c>string_copy</c>, <c>to_copy</c>, <c>syscall_arg64</c>, <c>syscall_arg64_big</c>,
/// <c>more_args</c>, <c>syscall_context</c>). Bora.SyscallGen serves one assembly, so they live in the kernel, where any
/// test or app can call their <c>z_*</c> stubs; they touch no kernel state.
/// </summary>
public static partial class ZtestSyscalls
{
    /// <summary><c>BUF_SIZE</c>: the size of the test's string buffers.</summary>
    public const int BUF_SIZE = 32;

    /// <summary><c>ESRCH</c>, what <c>string_copy</c> returns for a string that is not <see cref="UserText"/>.</summary>
    public const int ESRCH = 3;

    /// <summary>The text the test puts in <c>user_string</c>, which the implementations compare with.</summary>
    public const string UserText = "this is a user string";

    /// <summary>The text the test puts in <c>kernel_string</c>.</summary>
    public const string KernelText = "this is a kernel string";

    /// <summary><c>string_nlen</c>: <c>k_usermode_string_nlen</c>, its error stored at <paramref name="err"/>.</summary>
    /// <param name="src">The string.</param>
    /// <param name="maxlen">The most bytes to scan.</param>
    /// <param name="err">Where the error (0 or -1) goes.</param>
    /// <returns>The length.</returns>
    [Syscall]
    public static uint string_nlen(UserPtr src, uint maxlen, UserPtr err)
    {
        uint ret = k_usermode_string_nlen(src, maxlen, out int error);
        Cpu().WriteUInt32(err.Address, unchecked((uint)error));
        return ret;
    }

    /// <summary><c>string_alloc_copy</c>: 0 when the string is <see cref="UserText"/>, else -2 (the verifier returns -1 when the copy fails).</summary>
    /// <param name="src">The string.</param>
    /// <returns>0, -1 or -2.</returns>
    [Syscall]
    public static int string_alloc_copy(UserPtr src) => Cpu().ReadCString(src.Address, BUF_SIZE) == UserText ? 0 : -2;

    /// <summary><c>string_copy</c>: 0 when the string is <see cref="UserText"/>, else <see cref="ESRCH"/> (the verifier returns the copy's error).</summary>
    /// <param name="src">The string.</param>
    /// <returns>0, <c>EFAULT</c>, <c>EINVAL</c> or <see cref="ESRCH"/>.</returns>
    [Syscall]
    public static int string_copy(UserPtr src) => Cpu().ReadCString(src.Address, BUF_SIZE) == UserText ? 0 : ESRCH;

    /// <summary><c>to_copy</c>: writes <see cref="UserText"/> (terminated, <see cref="BUF_SIZE"/> bytes) to <paramref name="dest"/>.</summary>
    /// <param name="dest">The destination.</param>
    /// <returns>0, or <c>EFAULT</c> from user mode when the destination is not writable.</returns>
    [Syscall]
    public static int to_copy(UserPtr dest)
    {
        Cpu().WriteBlock(dest.Address, UserBytes());
        return 0;
    }

    /// <summary><c>syscall_arg64</c>: a hash of a 64-bit argument (two words).</summary>
    /// <param name="arg">The argument.</param>
    /// <returns>The hash.</returns>
    [Syscall]
    public static int syscall_arg64(ulong arg) => unchecked((int)(arg + 0x8c32a9eda4ca2621UL) ^ (int)(arg >> 32));

    /// <summary><c>syscall_arg64_big</c>: a 64-bit hash of eight words of arguments (words 5 onward travel in user memory) and a 64-bit result.</summary>
    /// <param name="arg1">Word 0.</param>
    /// <param name="arg2">Word 1.</param>
    /// <param name="arg3">Words 2–3.</param>
    /// <param name="arg4">Word 4.</param>
    /// <param name="arg5">Word 5.</param>
    /// <param name="arg6">Words 6–7.</param>
    /// <returns>The hash.</returns>
    [Syscall]
    public static ulong syscall_arg64_big(uint arg1, uint arg2, ulong arg3, uint arg4, uint arg5, ulong arg6)
    {
        ulong[] args = [arg1, arg2, arg3, arg4, arg5, arg6];
        ulong ret = 0xae751a24ef464cc0UL;
        foreach (ulong a in args)
        {
            ret = unchecked((ret << 11) | (ret >> 53));
            ret ^= unchecked(a * 0xb7f2b7e0f1a0a7b5UL);
        }

        return ret;
    }

    /// <summary><c>more_args</c>: a hash of seven words (words 5 and 6 travel in user memory).</summary>
    /// <param name="arg1">Word 0.</param>
    /// <param name="arg2">Word 1.</param>
    /// <param name="arg3">Word 2.</param>
    /// <param name="arg4">Word 3.</param>
    /// <param name="arg5">Word 4.</param>
    /// <param name="arg6">Word 5.</param>
    /// <param name="arg7">Word 6.</param>
    /// <returns>The hash.</returns>
    [Syscall]
    public static uint more_args(uint arg1, uint arg2, uint arg3, uint arg4, uint arg5, uint arg6, uint arg7)
    {
        uint[] args = [arg1, arg2, arg3, arg4, arg5, arg6, arg7];
        uint ret = 0x4ef464cc;
        foreach (uint a in args)
        {
            ret = unchecked((ret << 11) | (ret >> 5));
            ret ^= unchecked(a * 123456789u);
        }

        return ret;
    }

    /// <summary><c>syscall_context</c>: <c>k_is_in_user_syscall()</c> as the implementation sees it.</summary>
    /// <returns>Whether the call came from user mode through the gate.</returns>
    [Syscall]
    public static bool syscall_context() => k_is_in_user_syscall();

    private static uint z_vrfy_string_nlen(UserPtr src, uint maxlen, UserPtr err)
    {
        uint ret = k_usermode_string_nlen(src, maxlen, out int errCopy);
        if (errCopy == 0 && K_SYSCALL_MEMORY_READ(src, (ulong)ret + 1))
        {
            errCopy = -1;
        }

        K_OOPS(k_usermode_to_copy(err, BitConverter.GetBytes(errCopy)) != 0);
        return ret;
    }

    private static int z_vrfy_string_alloc_copy(UserPtr src)
    {
        uint copy = k_usermode_string_alloc_copy(src, BUF_SIZE);
        if (copy == 0)
        {
            return -1;
        }

        int ret = string_alloc_copy(new UserPtr(copy));
        K.k_free(copy);
        return ret;
    }

    private static int z_vrfy_string_copy(UserPtr src)
    {
        Span<byte> kbuf = stackalloc byte[BUF_SIZE];
        int ret = k_usermode_string_copy(kbuf, src, BUF_SIZE);
        if (ret != 0)
        {
            return ret;
        }

        int length = kbuf.IndexOf((byte)0);
        return Encoding.Latin1.GetString(kbuf[..length]) == UserText ? 0 : ESRCH;
    }

    private static int z_vrfy_to_copy(UserPtr dest) => k_usermode_to_copy(dest, UserBytes());

    private static int z_vrfy_syscall_arg64(ulong arg) => syscall_arg64(arg);

    private static ulong z_vrfy_syscall_arg64_big(uint arg1, uint arg2, ulong arg3, uint arg4, uint arg5, ulong arg6) =>
        syscall_arg64_big(arg1, arg2, arg3, arg4, arg5, arg6);

    private static uint z_vrfy_more_args(uint arg1, uint arg2, uint arg3, uint arg4, uint arg5, uint arg6, uint arg7) =>
        more_args(arg1, arg2, arg3, arg4, arg5, arg6, arg7);

    private static bool z_vrfy_syscall_context() => syscall_context();

    private static byte[] UserBytes()
    {
        var bytes = new byte[BUF_SIZE];
        Encoding.Latin1.GetBytes(UserText, bytes);
        return bytes;
    }

    private static Bora.Machine.Cpu Cpu() => KernelContext.Require(nameof(ZtestSyscalls)).Kernel.Machine.Cpu;
}
