namespace Bora.SyscallGen.Tests;

public sealed class GoldenTests
{
    [Test]
    public void Kernel_DemoDeclarations_MatchGoldenIdsDispatchAndMarshallers()
    {
        GeneratorRun run = Harness.RunKernel(TestKernels.Demo);

        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "SyscallIds.g.cs", "SyscallDispatcher.g.cs", "Demo.KDemo.Syscalls.g.cs" }));
        Golden.AssertMatches("Demo.SyscallIds.g.cs.txt", run.Sources["SyscallIds.g.cs"]);
        Golden.AssertMatches("Demo.SyscallDispatcher.g.cs.txt", run.Sources["SyscallDispatcher.g.cs"]);
        Golden.AssertMatches("Demo.KDemo.Syscalls.g.cs.txt", run.Sources["Demo.KDemo.Syscalls.g.cs"]);
    }

    [Test]
    public void Userspace_DemoKernel_MatchesGoldenStubs()
    {
        byte[] kernel = Harness.RunKernel(TestKernels.Demo).Emit();

        GeneratorRun run = Harness.RunUserspace(kernel);

        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "Z.Syscalls.g.cs" }));
        Golden.AssertMatches("Demo.Z.Syscalls.g.cs.txt", run.Sources["Z.Syscalls.g.cs"]);
    }

    [Test]
    public void Kernel_NoDeclarations_MatchesGoldenTablesWithOnlyBad()
    {
        GeneratorRun run = Harness.RunKernel("namespace Empty;");

        Assert.That(run.Sources.Keys, Is.EquivalentTo(new[] { "SyscallIds.g.cs", "SyscallDispatcher.g.cs" }));
        Golden.AssertMatches("Empty.SyscallIds.g.cs.txt", run.Sources["SyscallIds.g.cs"]);
        Golden.AssertMatches("Empty.SyscallDispatcher.g.cs.txt", run.Sources["SyscallDispatcher.g.cs"]);
    }
}
