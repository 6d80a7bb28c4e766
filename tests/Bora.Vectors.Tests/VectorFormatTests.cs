using System.Text;

namespace Bora.Vectors.Tests;

public sealed class VectorFormatTests
{
    private const string V7Meta =
        """{"type":"meta","arch":"armv7m-pmsav7","machine":"mps2-an385","cpu":"cortex-m3","mpu_regions":8,"memory_map":{"ram":[[536870912,545259520,"sram"]],"unmapped":[[1610612736,2684354560,"ext"]],"never_probed":[[3758096384,3759144960,"PPB"]]}}""";

    private const string V7Config =
        """{"type":"config","id":0,"config":{"ctrl":{"value":5},"regions":[{"index":0,"rbar":536870912,"rasr":318963735,"rbar_readback":536870912,"rasr_readback":318963735}]}}""";

    private static VectorFileReport Run(params string[] lines) =>
        new VectorRunner(KnownReplayers.Create()).Run("test.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    private static string Vector(uint addr, string access, bool privileged, string outcome, int exception, uint cfsr, uint? mmfar) =>
        $$$"""{"type":"vector","config_id":0,"probe_index":0,"probe":{"addr":{{{addr}}},"size":4,"access":"{{{access}}}","privileged":{{{(privileged ? "true" : "false")}}}},"result":{"outcome":"{{{outcome}}}","exception":{{{exception}}},"cfsr":{{{cfsr}}},"mmfsr":{{{cfsr & 0xFF}}},"bfsr":{{{(cfsr >> 8) & 0xFF}}},"ufsr":0,"hfsr":0,"mmfar":{{{(mmfar is uint m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}}},"bfar":null}}""";

    [Test]
    public void Run_GarbageLine_ThrowsVectorFormatExceptionNamingTheLine()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run(V7Meta, "this is not json"));
        Assert.That(e!.Message, Does.StartWith("test.jsonl:2: not JSON"));
    }

    [Test]
    public void Run_NoMetaLine_ThrowsVectorFormatException()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run(V7Config));
        Assert.That(e!.Message, Does.Contain("before the meta line"));
    }

    [Test]
    public void Run_EmptyFile_ThrowsVectorFormatExceptionSayingNoMeta()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run(string.Empty));
        Assert.That(e!.Message, Does.Contain("no meta line"));
    }

    [Test]
    public void Run_UnknownArch_ThrowsVectorFormatExceptionListingKnownArches()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run("""{"type":"meta","arch":"mips-tlb"}"""));
        Assert.That(e!.Message, Does.Contain("no replayer for arch 'mips-tlb'").And.Contain("armv7m-pmsav7"));
    }

    [Test]
    public void Run_MetaWithoutMemoryMap_ThrowsVectorFormatException()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run("""{"type":"meta","arch":"armv8m-pmsav8","mpu_regions":16}"""));
        Assert.That(e!.Message, Does.Contain("memory_map"));
    }

    [Test]
    public void Run_VectorMissingItsResult_ThrowsVectorFormatException()
    {
        var e = Assert.Throws<VectorFormatException>(() => Run(V7Meta, V7Config,
            """{"type":"vector","config_id":0,"probe_index":0,"probe":{"addr":536870912,"size":4,"access":"read","privileged":true}}"""));
        Assert.That(e!.Message, Does.StartWith("test.jsonl:3: malformed record"));
    }

    [Test]
    public void Run_MatchingRecord_Agrees()
    {
        // Region 0: 0x20000000, 4 KiB, P_RW_U_RW, XN (RASR 0x130B0017). A user store outside it faults.
        VectorFileReport report = Run(V7Meta, V7Config,
            Vector(0x2000_0010, "write", privileged: false, "ok", 0, 0, null),
            Vector(0x2000_2000, "read", privileged: false, "memmanage", 4, 0x82, 0x2000_2000));
        Assert.Multiple(() =>
        {
            Assert.That(report.Agree, Is.EqualTo(2));
            Assert.That(report.Disagreements, Is.Empty, () => string.Join("\n", report.Disagreements));
        });
    }

    [Test]
    public void Run_RecordTheModelContradicts_IsReportedFieldByField()
    {
        VectorFileReport report = Run(V7Meta, V7Config, Vector(0x2000_2000, "read", privileged: false, "ok", 0, 0, null));
        Assert.That(report.Disagreements, Has.Count.EqualTo(1));
        Assert.That(report.Disagreements[0].Mismatches.Select(m => m.Field), Is.SupersetOf(new[] { "outcome", "exception", "cfsr", "mmfsr", "mmfar" }));
    }
}
