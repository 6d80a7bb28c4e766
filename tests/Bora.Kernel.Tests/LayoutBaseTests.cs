namespace Bora.Kernel.Tests;

public sealed class LayoutBaseTests
{
    private static KernelOptions With(Action<ImageLayoutOptions> layout)
    {
        KernelOptions options = TestBoards.Options();
        layout(options.Layout);
        return options;
    }

    [Test]
    public void TextAndRamBases_PlaceTheImageInsideOneRamWindow()
    {
        using var k = new BoraKernel(With(l =>
        {
            l.TextBase = 0x2000_0000;
            l.RamBase = 0x2010_0000;
            l.RamBytes = 1 << 20;
        }));
        Assert.Multiple(() =>
        {
            Assert.That(k.Layout.RomRange.Start, Is.EqualTo(0x2000_0000UL));
            Assert.That(k.Layout.Text.Start, Is.EqualTo(0x2000_0400u), "text follows the 1 KiB vector table");
            Assert.That(k.Layout.KernelData.Start, Is.EqualTo(0x2010_0000u));
            Assert.That(k.Layout.RamRange.End, Is.EqualTo(0x2020_0000UL), "RamBytes bounds the image's RAM");
        });
    }

    [Test]
    public void TextBase_OutsideEveryWindow_SaysWhatToFix()
    {
        Assert.That(() => new BoraKernel(With(l => l.TextBase = 0x9000_0000)),
            Throws.InvalidOperationException.With.Message.Contains("TextBase 0x90000000 lies in no window"));
    }

    [Test]
    public void RamOverlappingText_SaysWhatToFix()
    {
        Assert.That(() => new BoraKernel(With(l =>
        {
            l.TextBase = 0x2000_0000;
            l.RamBase = 0x2001_0000;
        })), Throws.InvalidOperationException.With.Message.Contains("overlaps its text and rodata"));
    }

    [Test]
    public void RamBase_InRom_SaysItIsNotRam()
    {
        Assert.That(() => new BoraKernel(With(l => l.RamBase = 0x0008_0000)),
            Throws.InvalidOperationException.With.Message.Contains("not RAM"));
    }

    [Test]
    public void RamBytes_PastTheWindow_SaysWhatToFix()
    {
        Assert.That(() => new BoraKernel(With(l => l.RamBytes = 64u << 20)),
            Throws.InvalidOperationException.With.Message.Contains("runs past the end of RAM window"));
    }

    [Test]
    public void ThreadStatus_IsTheInitialFramesStatusWord()
    {
        KernelOptions options = TestBoards.Options();
        options.ThreadStatus = 0x202;
        using var k = new BoraKernel(options);
        uint seen = 0;
        k.CreateThread("t", (_, _, _) => seen = k.Machine.Cpu.State.Status, 5);
        k.Boot();
        k.RunUntilIdle();
        Assert.That(seen, Is.EqualTo(0x202u));
    }
}
