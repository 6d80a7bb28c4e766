using System.Text.RegularExpressions;
using Bora.Cli;

namespace Bora.Cli.Tests;

public sealed partial class RunCommandTests
{
    private static readonly string[] Boards = ["mps2-an385", "mps2-an505", "nsim_em", "nsim_sem", "qemu_x86", "qemu_x86_nopae"];

    private static (int Exit, string Out, string Err) Bora(params string[] args) => Cli.Bora(args);

    private static string TempFile(string name) => Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{name}-{Guid.NewGuid():N}.json");

    [Test]
    public void Run_Philosophers_PrintsTheSamplesDescriptionFirst()
    {
        (int exit, string output, string error) = Bora("run", "philosophers", "--for", "1s");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.StartWith("Demo Description"));
            for (int id = 0; id < 6; id++)
            {
                Assert.That(output, Does.Contain($"Philosopher {id} ["), $"philosopher {id} prints");
            }

            // The sample's priorities: -(i - 3): four preemptible (3..0), two cooperative (-1, -2).
            Assert.That(output, Does.Contain("Philosopher 0 [P: 3]").And.Contain("Philosopher 3 [P: 0]"));
            Assert.That(output, Does.Contain("Philosopher 4 [C:-1]").And.Contain("Philosopher 5 [C:-2]"));
        });
    }

    [Test]
    public void Run_Philosophers_EveryoneEats_AndNoTwoNeighboursEatAtOnce()
    {
        (int exit, string output, _) = Bora("run", "philosophers");
        Assert.That(exit, Is.Zero);
        var eating = new bool[6];
        var meals = new int[6];
        var mustDropNext = new bool[6];
        foreach (Match m in StateLine().Matches(output))
        {
            int id = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            string state = m.Groups[2].Value;
            if (mustDropNext[id])
            {
                // A neighbour ate while this one still showed EATING: legal only if this one had just
                // unlocked the shared fork (the unlock preempts before "DROPPED ONE FORK" is printed).
                Assert.That(state, Does.StartWith("DROPPED ONE FORK"), $"philosopher {id} shared a fork with an eating neighbour");
                mustDropNext[id] = false;
            }

            if (state.StartsWith("EATING", StringComparison.Ordinal))
            {
                foreach (int neighbour in new[] { (id + 1) % 6, (id + 5) % 6 })
                {
                    mustDropNext[neighbour] |= eating[neighbour];
                }

                eating[id] = true;
                meals[id]++;
            }
            else if (state.StartsWith("DROPPED", StringComparison.Ordinal))
            {
                eating[id] = false;
            }
        }

        Assert.That(meals, Is.All.GreaterThan(0), "every philosopher eats within 5 s");
    }

    [Test]
    public void Run_Philosophers_Twice_PrintsTheSameLines()
    {
        (_, string first, _) = Bora("run", "philosophers", "--for", "2s");
        (_, string second, _) = Bora("run", "philosophers", "--for", "2s");
        Assert.That(second, Is.EqualTo(first));
    }

    [TestCaseSource(nameof(Boards))]
    public void Run_Philosophers_OnEveryBoard_ExitsZero(string board)
    {
        (int exit, string output, string error) = Bora("run", "philosophers", "--board", board, "--for", "1s");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain($"philosophers: 1.000 s of virtual time on {board} ("));
            Assert.That(output, Does.Contain("EATING"));
        });
    }

    [Test]
    public void Run_WithTrace_TwiceGivesByteIdenticalChromeTraceFiles()
    {
        string a = TempFile("a"), b = TempFile("b");
        try
        {
            Assert.That(Bora("run", "philosophers", "--board", "qemu_x86", "--for", "2s", "--trace", a).Exit, Is.Zero);
            Assert.That(Bora("run", "philosophers", "--board", "qemu_x86", "--for", "2s", "--trace", b).Exit, Is.Zero);
            byte[] first = File.ReadAllBytes(a);
            Assert.That(File.ReadAllBytes(b), Is.EqualTo(first));
            using var json = System.Text.Json.JsonDocument.Parse(first);
            System.Text.Json.JsonElement events = json.RootElement.GetProperty("traceEvents");
            Assert.That(events.GetArrayLength(), Is.GreaterThan(100));
            Assert.That(events.EnumerateArray().Any(e => e.GetProperty("name").GetString() == "MutexLock"), Is.True);
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Test]
    public void Run_ForLonger_PrintsMoreAndTheTimesCoverTheDuration()
    {
        (_, string shorter, _) = Bora("run", "philosophers", "--for", "500ms");
        (_, string longer, _) = Bora("run", "philosophers", "--for", "1m");
        Assert.That(shorter, Does.Contain("philosophers: 0.500 s of virtual time"));
        Assert.That(longer, Does.Contain("philosophers: 60.000 s of virtual time"));
        Assert.That(longer.Length, Is.GreaterThan(shorter.Length * 10));
        Assert.That(longer, Does.StartWith(shorter[..shorter.IndexOf("philosophers:", StringComparison.Ordinal)]), "a longer run starts the same way");
    }

    [Test]
    public void Run_UnknownBoard_IsOneLineListingTheBoards_AndExitsNonZero()
    {
        (int exit, string output, string error) = Bora("run", "philosophers", "--board", "stm32f4_disco");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero);
            Assert.That(error.TrimEnd(), Is.EqualTo("bora run: unknown board 'stm32f4_disco'; the boards are: " + string.Join(", ", Boards)));
            Assert.That(output, Is.Empty);
        });
    }

    [TestCase("5")]
    [TestCase("fast")]
    [TestCase("0s")]
    [TestCase("-1s")]
    [TestCase("2d")]
    public void Run_BadDuration_IsOneLine_AndExitsNonZero(string duration)
    {
        (int exit, _, string error) = Bora("run", "philosophers", "--for", duration);
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.Contain("bora run:").Or.Contain(duration));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Run_UnknownSample_ListsTheSamples()
    {
        (int exit, _, string error) = Bora("run", "hello_world");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error.TrimEnd(), Is.EqualTo("bora run: unknown sample 'hello_world'; the samples are: philosophers, producer_consumer, poll, prod_consumer, shared_mem"));
    }

    [Test]
    public void Run_TraceToAnUnwritablePath_IsOneLine_AndExitsNonZero()
    {
        (int exit, _, string error) = Bora("run", "philosophers", "--for", "100ms", "--trace", "/no/such/dir/trace.json");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.StartWith("bora run: cannot write the trace to '/no/such/dir/trace.json'"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [GeneratedRegex(@"(?m)^\[\s*[\d.]+\] Philosopher (\d) \[[CP]:\s?-?\d\] (.+)$")]
    private static partial Regex StateLine();
}
