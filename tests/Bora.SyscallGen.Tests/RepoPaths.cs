using System.Runtime.CompilerServices;

namespace Bora.SyscallGen.Tests;

/// <summary>Where the test project's sources and the kernel's hand-written syscall contracts live.</summary>
internal static class RepoPaths
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string Golden => Path.Combine(TestProject, "Golden");

    public static string KernelSyscalls => Path.Combine(TestProject, "..", "..", "kernel", "Bora.Kernel", "Syscalls");

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
