namespace Bora.SyscallGen.Tests;

public sealed class CompileTests
{
    [Test]
    public void Kernel_DemoDeclarations_OutputCompilesWithoutDiagnostics()
    {
        GeneratorRun run = Harness.RunKernel(TestKernels.Demo, TestKernels.Fakes);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompileDiagnostics, Is.Empty, () => string.Join("\n", run.CompileDiagnostics));
    }

    [Test]
    public void Kernel_NoDeclarations_OutputCompilesWithoutDiagnostics()
    {
        GeneratorRun run = Harness.RunKernel("namespace Empty;");

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompileDiagnostics, Is.Empty, () => string.Join("\n", run.CompileDiagnostics));
    }

    [Test]
    public void Userspace_DemoKernel_OutputCompilesWithoutDiagnostics()
    {
        byte[] kernel = Harness.RunKernel(TestKernels.Demo).Emit();

        GeneratorRun run = Harness.RunUserspace(kernel);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompileDiagnostics, Is.Empty, () => string.Join("\n", run.CompileDiagnostics));
    }

    [Test]
    public void Userspace_DeclarationsInUserSource_AreIgnored()
    {
        byte[] kernel = Harness.RunKernel(TestKernels.Demo).Emit();

        GeneratorRun run = Harness.RunUserspace(kernel, """
            namespace App;
            public static partial class Mine
            {
                [Bora.Kernel.Syscalls.Syscall]
                public static void k_mine(string s) { }
            }
            """);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "Z.Syscalls.g.cs" }));
    }
}
