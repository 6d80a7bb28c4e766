using System.Globalization;

namespace Bora.Kernel.Syscalls;

/// <summary>The wording of the gate's oops messages, shared by the context and the verifier helpers.</summary>
internal static class SyscallMessages
{
    /// <summary>Zephyr's <c>K_SYSCALL_MEMORY</c> message: <c>"Memory region %p (size %zu) %s access denied"</c>.</summary>
    public static string Denied(uint address, ulong size, bool write) =>
        string.Create(CultureInfo.InvariantCulture, $"Memory region 0x{address:X8} (size {size}) {(write ? "write" : "read")} access denied");

    /// <summary>Zephyr's <c>K_SYSCALL_MEMORY_ARRAY</c> overflow message: <c>"%zux%zu array is too large"</c>.</summary>
    public static string ArrayTooLarge(ulong count, ulong size) =>
        string.Create(CultureInfo.InvariantCulture, $"{count}x{size} array is too large");
}
