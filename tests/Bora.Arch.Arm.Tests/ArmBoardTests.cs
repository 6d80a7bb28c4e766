using System.IO.Compression;
using System.Text.Json;

namespace Bora.Arch.Arm.Tests;

/// <summary>The built-in boards against the memory maps QEMU showed the recording harness (vector meta lines).</summary>
public sealed class ArmBoardTests
{
    public static IEnumerable<TestCaseData> BoardsAndFiles() =>
    [
        new TestCaseData(ArmBoards.Mps2An385, "armv7m-1.jsonl.gz").SetArgDisplayNames("mps2-an385"),
        new TestCaseData(ArmBoards.Mps2An505, "armv8m-1.jsonl.gz").SetArgDisplayNames("mps2-an505"),
    ];

    [TestCaseSource(nameof(BoardsAndFiles))]
    public void MemoryMap_EqualsTheRecordedMap(Board board, string file)
    {
        JsonElement meta = ReadMeta(file);
        Assert.Multiple(() =>
        {
            Assert.That(meta.GetProperty("machine").GetString(), Is.EqualTo(board.Name));
            Assert.That(meta.GetProperty("cpu").GetString(), Is.EqualTo(board.Cpu));
            Assert.That(meta.GetProperty("arch").GetString(), Is.EqualTo(board.Arch.Name));
            Assert.That(meta.GetProperty("mpu_regions").GetInt32(), Is.EqualTo(ArmBoards.MpuRegions(board)));
        });

        // Every elementary segment between any two boundaries of either map must have the kind the
        // recording implies: ram → RAM, unmapped → nothing, never-probed windows by what they are.
        JsonElement map = meta.GetProperty("memory_map");
        var expected = new List<(ulong Start, ulong End, MemoryKind Kind, string Name)>();
        expected.AddRange(Windows(map, "ram").Select(w => (w.Start, w.End, MemoryKind.Ram, w.Name)));
        expected.AddRange(Windows(map, "unmapped").Select(w => (w.Start, w.End, MemoryKind.Unmapped, w.Name)));
        expected.AddRange(Windows(map, "never_probed").Select(w => (w.Start, w.End, NeverProbedKind(w.Name), w.Name)));

        SortedSet<ulong> cuts = [0, 1UL << 32];
        foreach ((ulong s, ulong e, _, _) in expected)
        {
            cuts.Add(s);
            cuts.Add(e);
        }

        foreach (MemoryMapEntry entry in board.MemoryMap.Entries)
        {
            cuts.Add(entry.Range.Start);
            cuts.Add(entry.Range.End);
        }

        ulong[] points = [.. cuts];
        Assert.Multiple(() =>
        {
            for (int i = 0; i + 1 < points.Length; i++)
            {
                ulong at = points[i];
                var recorded = expected.Where(w => at >= w.Start && at < w.End).ToList();
                Assert.That(recorded, Has.Count.EqualTo(1), $"the recording covers 0x{at:X8} exactly once");
                if (recorded.Count == 1)
                {
                    Assert.That(board.MemoryMap.KindAt(at), Is.EqualTo(recorded[0].Kind), $"0x{at:X8} ('{recorded[0].Name}')");
                }
            }
        });
    }

    [Test]
    public void Catalogue_FindsEveryBoardByName_AndNothingElse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ArmBoards.All.Select(b => ArmBoards.Find(b.Name)), Is.EqualTo(ArmBoards.All));
            Assert.That(ArmBoards.Find("mps2-an999"), Is.Null);
        });
    }

    [Test]
    public void Mps2An385_BitBandAlias_ReadsAndWritesSramBits()
    {
        ArmMachine m = ArmMachine.Create(ArmBoards.Mps2An385);
        m.Machine.Bus.Memory.WriteUInt32(0x2000_0010, 0x0000_0004);
        Assert.That(m.Read(0x2200_0000 + (0x10 * 32) + (2 * 4)), Is.EqualTo(1u), "bit 2 of 0x20000010");
        m.Write(0x2200_0000 + (0x11 * 32) + (7 * 4), 1);
        Assert.That(m.Machine.Bus.Memory.ReadUInt32(0x2000_0010), Is.EqualTo(0x0000_8004u), "bit 7 of 0x20000011 set");
    }

    [Test]
    public void Create_BoardWithANonArmArch_ThrowsNamingTheArch()
    {
        Board x86 = ArmBoards.Mps2An385 with { Arch = new ArchId("x86-pae") };
        var e = Assert.Throws<ArgumentException>(() => ArmMachine.Create(x86));
        Assert.That(e!.Message, Does.Contain("x86-pae"));
    }

    private static MemoryKind NeverProbedKind(string name) => name switch
    {
        _ when name.Contains("harness", StringComparison.Ordinal) => MemoryKind.Ram,
        "PPB" => MemoryKind.Mmio,
        "bit-band alias of SRAM" => MemoryKind.Mmio,
        "RAZ/WI reserved window" => MemoryKind.RazWi,
        _ when name.StartsWith("peripherals", StringComparison.Ordinal) => MemoryKind.RazWi,
        _ => throw new AssertionException($"no modelling decided for never-probed window '{name}'"),
    };

    private static IEnumerable<(ulong Start, ulong End, string Name)> Windows(JsonElement map, string list) =>
        map.GetProperty(list).EnumerateArray().Select(w => (w[0].GetUInt64(), w[1].GetUInt64(), w[2].GetString()!));

    private static JsonElement ReadMeta(string file)
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "vectors", file);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        using JsonDocument doc = JsonDocument.Parse(reader.ReadLine()!);
        return doc.RootElement.Clone();
    }
}
