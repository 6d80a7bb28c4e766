using System.Reflection;
using Bora.Boards;
using Bora.Kernel.Memory;

namespace Bora.Kernel.Tests.UserMode.Conformance;

/// <summary>
/// Keeps <see cref="DomainNotApplicable"/> honest: it names only real boards and real conformance tests, and an
/// attribute it calls missing on a board really has no encoding there (so a driver that gains one un-skips its tests).
/// Unlisted skips are failed by <see cref="DomainConformanceFixture"/> itself.
/// </summary>
public sealed class DomainSkipPolicyTests
{
    private static readonly Type[] s_fixtures =
    [
        typeof(PartitionAccessConformance), typeof(DomainApiConformance), typeof(DomainRuntimeConformance), typeof(IsolationConformance),
    ];

    [Test]
    public void NotApplicable_names_only_boards_and_tests_of_the_suite()
    {
        HashSet<string> tests = [.. s_fixtures.SelectMany(f => f.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseSourceAttribute))
            .Select(m => m.Name)];
        Assert.Multiple(() =>
        {
            foreach ((string board, string test, string reason) in DomainNotApplicable.Entries)
            {
                Assert.That(KernelBoards.Names, Does.Contain(board), $"entry for unknown board '{board}'");
                Assert.That(reason, Is.Not.Empty, $"{board}/{test} gives no reason");
                if (!test.StartsWith(DomainNotApplicable.Attr(string.Empty), StringComparison.Ordinal))
                {
                    Assert.That(tests, Does.Contain(test.Split('(')[0]), $"{board}: '{test}' names no conformance test");
                }
            }
        });
    }

    [Test]
    public void Attributes_listed_as_missing_have_no_encoding()
    {
        string prefix = DomainNotApplicable.Attr(string.Empty);
        var missing = DomainNotApplicable.Entries.Where(e => e.Test.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.That(missing, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach ((string board, string test, _) in missing)
            {
                string name = test[prefix.Length..];
                PartitionPermissions attr = name == nameof(PartitionPermissions.P_NA_U_NA) ? PartitionPermissions.P_NA_U_NA : Enum.Parse<PartitionPermissions>(name);
                using var kernel = new BoraKernel(KernelBoards.Get(board).CreateOptions());
                Assert.That(kernel.ProtectionDriver!.Supports(attr), Is.False, $"{board} supports {name}: remove it from DomainNotApplicable");
                Assert.That(() => kernel.Domains.Define("p", kernel.Layout.AppPartitions.Start, 4096, attr), Throws.ArgumentException);
            }
        });
    }

    [Test]
    public void Every_other_attribute_is_expressible()
    {
        // The converse: an attribute not listed for a board must be one its driver encodes (else its tests fail, not skip).
        string prefix = DomainNotApplicable.Attr(string.Empty);
        Assert.Multiple(() =>
        {
            foreach (string board in KernelBoards.Names)
            {
                using var kernel = new BoraKernel(KernelBoards.Get(board).CreateOptions());
                foreach (TestCaseData data in PartitionAccessConformance.Attributes)
                {
                    var attr = (PartitionPermissions)data.Arguments[0]!;
                    bool listed = DomainNotApplicable.Entries.Any(e => e.Board == board && e.Test == prefix + PartitionAccessConformance.ZephyrName(attr));
                    Assert.That(kernel.ProtectionDriver!.Supports(attr), Is.EqualTo(!listed), $"{board}: {PartitionAccessConformance.ZephyrName(attr)}");
                }
            }
        });
    }
}
