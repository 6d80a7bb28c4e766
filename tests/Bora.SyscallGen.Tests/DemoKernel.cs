using System.Reflection;

namespace Bora.SyscallGen.Tests;

/// <summary>The demo kernel and its fakes compiled once, its stubs compiled against it, both loaded.</summary>
internal static class DemoKernel
{
    private static readonly Lazy<(Assembly Kernel, Assembly User)> s_loaded = new(Load);

    public static Assembly Kernel => s_loaded.Value.Kernel;

    public static Assembly User => s_loaded.Value.User;

    public static string Dispatch(uint id, uint[] words, params uint[] memoryAt0x100) =>
        (string)TestLoadContext.Call(Kernel, "Demo.Probe", "Dispatch", id, words, memoryAt0x100)!;

    public static uint Id(string name) =>
        (uint)Kernel.GetType("Bora.Kernel.Syscalls.SyscallIds", throwOnError: true)!.GetField(name)!.GetRawConstantValue()!;

    private static (Assembly, Assembly) Load()
    {
        byte[] kernel = Harness.RunKernel(TestKernels.Demo, TestKernels.Fakes).Emit();
        byte[] user = Harness.RunUserspace(kernel).Emit();
        var context = new TestLoadContext();
        return (context.Add(kernel), context.Add(user));
    }
}
