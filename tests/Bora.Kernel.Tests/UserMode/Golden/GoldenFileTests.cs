namespace Bora.Kernel.Tests.UserMode.Golden;

/// <summary>The golden-file helper itself: equal texts pass, a difference names its first line, a missing file says how to create it.</summary>
public sealed class GoldenFileTests
{
    private string _path = string.Empty;

    [SetUp]
    public void CreateFile()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bora-golden-{TestContext.CurrentContext.Test.ID}.txt");
        File.WriteAllText(_path, "line one\r\nline two\r\nline three\r\n");
    }

    [TearDown]
    public void DeleteFile() => File.Delete(_path);

    [Test]
    public void Compare_SameTextWithOtherLineEndings_Passes() =>
        Assert.That(GoldenFile.Compare(_path, "g.txt", "line one\nline two\nline three\n"), Is.Null);

    [Test]
    public void Compare_ChangedLine_NamesTheFirstDifferingLine()
    {
        string? failure = GoldenFile.Compare(_path, "g.txt", "line one\nline 2\nline three 3\n");
        Assert.That(failure, Does.Contain("first difference at line 2")
            .And.Contain("expected: \"line two\"")
            .And.Contain("actual:   \"line 2\"")
            .And.Contain(GoldenFile.UpdateVariable + "=1"));
    }

    [Test]
    public void Compare_ShorterText_ReportsTheEndOfFile()
    {
        string? failure = GoldenFile.Compare(_path, "g.txt", "line one\nline two");
        Assert.That(failure, Does.Contain("first difference at line 3").And.Contain("actual:   (end of file)"));
    }

    [Test]
    public void Compare_MissingFile_SaysHowToCreateIt()
    {
        string? failure = GoldenFile.Compare(_path + ".missing", "new.txt", "text\n");
        Assert.That(failure, Does.Contain("'new.txt' does not exist").And.Contain(GoldenFile.UpdateVariable + "=1").And.Contain("text"));
    }
}
