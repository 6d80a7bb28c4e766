using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Bora.Hal.Conformance;

/// <summary>
/// Base of every conformance fixture: builds a fresh harness per test, and enforces the skip policy —
/// a case may be skipped only when the backend's <see cref="NotApplicable"/> table names it, and any
/// other skip or inconclusive result fails the test.
/// </summary>
public abstract class ConformanceFixture
{
    private ProtectionHarness? _harness;

    /// <summary>The harness of the running test.</summary>
    protected ProtectionHarness Harness => _harness ?? throw new InvalidOperationException("the harness is created in SetUp");

    /// <summary>
    /// Cases that do not apply to this backend: test name as NUnit reports it (including arguments,
    /// e.g. <c>AccessMatrix_FollowsPermissions(P_RW_U_RO)</c>) → the reason, from the arch manual.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> NotApplicable { get; } = new Dictionary<string, string>();

    /// <summary>Creates the harness of the backend under test.</summary>
    protected abstract ProtectionHarness CreateHarness();

    [SetUp]
    public void CreateAndBoot()
    {
        string name = TestContext.CurrentContext.Test.Name;
        if (NotApplicable.TryGetValue(name, out string? reason))
        {
            Assert.Ignore($"not applicable on this backend: {reason}");
        }

        _harness = CreateHarness();
        _harness.Boot();
    }

    [TearDown]
    public void EnforceSkipPolicy()
    {
        ResultState outcome = TestContext.CurrentContext.Result.Outcome;
        string name = TestContext.CurrentContext.Test.Name;
        bool skipped = outcome.Status is TestStatus.Skipped or TestStatus.Inconclusive;
        if (skipped && !NotApplicable.ContainsKey(name))
        {
            Assert.Fail($"'{name}' was skipped or inconclusive but is not in the backend's NotApplicable table");
        }
    }

    [Test]
    public void NotApplicableTable_NamesOnlyTestsOfThisFixture()
    {
        HashSet<string> methods = [.. GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute))
            .Select(m => m.Name)];
        foreach (string key in NotApplicable.Keys)
        {
            string method = key.Split('(')[0];
            Assert.That(methods, Does.Contain(method), $"NotApplicable entry '{key}' names no test of {GetType().Name}");
        }
    }

    /// <summary>Fails unless the backend can express <paramref name="permissions"/>; a case that cannot must be in the table.</summary>
    protected void RequireExpressible(PartitionPermissions permissions)
    {
        if (!Harness.CanExpress(permissions))
        {
            Assert.Fail($"{permissions} is not expressible here: list '{TestContext.CurrentContext.Test.Name}' in NotApplicable with the reason");
        }
    }
}
