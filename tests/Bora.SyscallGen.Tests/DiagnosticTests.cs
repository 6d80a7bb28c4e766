namespace Bora.SyscallGen.Tests;

/// <summary>One test per diagnostic: the declaration is rejected with a message that says what to change.</summary>
public sealed class DiagnosticTests
{
    private static Diagnostic Single(string members, string type = "public static partial class KBad")
    {
        GeneratorRun run = Harness.RunKernel($$"""
            using Bora.Kernel.Syscalls;
            namespace Bad;
            {{type}}
            {
            {{members}}
            }
            """);

        Assert.That(run.GeneratorDiagnostics, Has.Count.EqualTo(1), () => string.Join("\n", run.GeneratorDiagnostics));
        Diagnostic diagnostic = run.GeneratorDiagnostics[0];
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.Location.SourceTree?.FilePath, Is.EqualTo("Declarations0.cs"));
        Assert.That(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty,
            "a rejected declaration is left out, so the generated code still compiles");
        return diagnostic;
    }

    [Test]
    public void UnsupportedParameterType_IsBorasys001()
    {
        Diagnostic d = Single("[Syscall] public static void k_print(string text) { }");

        Assert.That(d.Id, Is.EqualTo("BORASYS001"));
        Assert.That(d.GetMessage(), Does.StartWith("Parameter 'text' of syscall 'k_print' has type 'string', which cannot be marshalled"));
    }

    [Test]
    public void UnsupportedReturnType_IsBorasys002()
    {
        Diagnostic d = Single("[Syscall] public static KTimeout k_when(uint x) => default;");

        Assert.That(d.Id, Is.EqualTo("BORASYS002"));
        Assert.That(d.GetMessage(), Does.StartWith("Syscall 'k_when' returns 'KTimeout', which cannot be marshalled; return void, int"));
    }

    [Test]
    public void RefParameter_IsBorasys003()
    {
        Diagnostic d = Single("[Syscall] public static void k_get(out int value) { value = 0; }");

        Assert.That(d.Id, Is.EqualTo("BORASYS003"));
        Assert.That(d.GetMessage(), Does.Contain("Parameter 'value' of syscall 'k_get' is declared 'out'; syscall arguments are copied into words"));
    }

    [Test]
    public void GenericMethod_IsBorasys004()
    {
        Diagnostic d = Single("[Syscall] public static void k_any<T>(uint x) { }");

        Assert.That(d.Id, Is.EqualTo("BORASYS004"));
        Assert.That(d.GetMessage(), Does.Contain("Syscall 'k_any' has type parameters"));
    }

    [Test]
    public void TooManyWords_IsBorasys005()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 8).Select(i => $"long a{i}"));

        Diagnostic d = Single($"[Syscall] public static long k_wide({parameters}) => 0;");

        Assert.That(d.Id, Is.EqualTo("BORASYS005"));
        Assert.That(d.GetMessage(), Does.StartWith("Syscall 'k_wide' marshals 17 words"));
        Assert.That(d.GetMessage(), Does.Contain("more than the limit of 16; pass a UserPtr"));
    }

    [Test]
    public void MissingVerifier_IsBorasys006()
    {
        Diagnostic d = Single("[Syscall] public static int k_sem_take(SemaphoreHandle sem, KTimeout timeout) => 0;");

        Assert.That(d.Id, Is.EqualTo("BORASYS006"));
        Assert.That(d.GetMessage(), Is.EqualTo(
            "Syscall 'k_sem_take' has no verifier; add 'static int z_vrfy_k_sem_take(SemaphoreHandle sem, KTimeout timeout)' to 'KBad', " +
            "or mark the declaration [Syscall(Implemented = false)] if it is declared but not built"));
    }

    [Test]
    public void VerifierMismatch_IsBorasys007()
    {
        Diagnostic d = Single("""
            [Syscall] public static int k_sem_take(SemaphoreHandle sem, KTimeout timeout) => 0;
            private static int z_vrfy_k_sem_take(SemaphoreHandle sem, long timeout) => 0;
            """);

        Assert.That(d.Id, Is.EqualTo("BORASYS007"));
        Assert.That(d.GetMessage(), Does.StartWith("Verifier 'z_vrfy_k_sem_take' does not match its syscall; declare it 'static int z_vrfy_k_sem_take(SemaphoreHandle sem, KTimeout timeout)'"));
    }

    [Test]
    public void DuplicateName_IsBorasys008()
    {
        Diagnostic d = Single("""
            [Syscall] public static void k_yield() { }
            private static void z_vrfy_k_yield() { }
            [Syscall("k_yield")] public static void Yield2() { }
            private static void z_vrfy_k_yield(uint unused) { }
            """);

        Assert.That(d.Id, Is.EqualTo("BORASYS008"));
        Assert.That(d.GetMessage(), Does.StartWith("Syscall 'k_yield' is already declared by 'KBad.k_yield'; syscall names are unique (they give the id K_SYSCALL_K_YIELD)"));
    }

    [Test]
    public void NotPublicStatic_IsBorasys009()
    {
        Diagnostic d = Single("""
            [Syscall] internal static void k_hidden(uint x) { }
            private static void z_vrfy_k_hidden(uint x) { }
            """);

        Assert.That(d.Id, Is.EqualTo("BORASYS009"));
        Assert.That(d.GetMessage(), Does.StartWith("Syscall 'k_hidden' must be a public static method"));
    }

    [Test]
    public void InvalidName_IsBorasys010()
    {
        Diagnostic d = Single("[Syscall(\"K_Sem-Give\")] public static void SemGive(uint x) { }");

        Assert.That(d.Id, Is.EqualTo("BORASYS010"));
        Assert.That(d.GetMessage(), Does.StartWith("Syscall name 'K_Sem-Give' is not a Zephyr name"));
    }

    [Test]
    public void DeclaringTypeNotStaticPartial_IsBorasys011()
    {
        Diagnostic d = Single("""
            [Syscall] public static void k_sem_give(SemaphoreHandle sem) { }
            private static void z_vrfy_k_sem_give(SemaphoreHandle sem) { }
            """, "public static class KBad");

        Assert.That(d.Id, Is.EqualTo("BORASYS011"));
        Assert.That(d.GetMessage(), Is.EqualTo(
            "Syscall 'k_sem_give' is declared in 'Bad.KBad'; declare syscalls in a top-level, non-generic public static partial class, which receives the generated marshallers"));
    }
}
