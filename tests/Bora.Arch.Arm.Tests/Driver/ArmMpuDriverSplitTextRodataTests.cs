using Bora.Arch.Arm.Driver;

namespace Bora.Arch.Arm.Tests.Driver;

/// <summary>
/// <see cref="ArmMpuDriverOptions.SplitTextRodata"/>: text and rodata as two boot regions, rodata execute-never, one
/// partition fewer; PMSAv7's power-of-two rounding refused where the two regions would meet.
/// </summary>
[TestFixture(ArmMpuVersion.PmsaV7)]
[TestFixture(ArmMpuVersion.PmsaV8)]
public sealed class ArmMpuDriverSplitTextRodataTests(ArmMpuVersion version)
{
    private const uint TextEnd = 0x4_0000, RodataEnd = 0x5_0000;

    private ArmMachine _machine = null!;
    private ArmMpuDriver _driver = null!;

    private uint Ram => version == ArmMpuVersion.PmsaV7 ? 0x2000_0000u : 0x2800_0000u;

    private Cpu Cpu => _machine.Cpu;

    /// <summary>Text 256 KiB and rodata 64 KiB, each aligned on its size (what PMSAv7 needs).</summary>
    private BootMemoryLayout Aligned => new(new AddressRange(0, TextEnd), new AddressRange(TextEnd, RodataEnd), new AddressRange(Ram, Ram + 0x40_0000), []);

    private void Boot(bool split, BootMemoryLayout layout)
    {
        _machine = ArmMachine.Create(version == ArmMpuVersion.PmsaV7 ? ArmBoards.Mps2An385 : ArmBoards.Mps2An505);
        _driver = new ArmMpuDriver(_machine, new ArmMpuDriverOptions { SplitTextRodata = split });
        _driver.Boot(layout);
    }

    private bool Allowed(uint address, AccessKind kind, Privilege privilege) =>
        (kind == AccessKind.Write
            ? Cpu.TryWrite(address, 4, kind, privilege, 0)
            : Cpu.TryRead(address, kind == AccessKind.Execute ? 2 : 4, kind, privilege, out _)) is null;

    private (uint Rbar, uint RasrOrRlar) Region(int index)
    {
        Assert.That(Cpu.TryWrite(ScsRegisters.MPU_RNR, 4, AccessKind.Write, Privilege.Supervisor, (uint)index), Is.Null);
        Assert.That(Cpu.TryRead(ScsRegisters.MPU_RBAR, 4, AccessKind.Read, Privilege.Supervisor, out uint rbar), Is.Null);
        Assert.That(Cpu.TryRead(ScsRegisters.MPU_RASR, 4, AccessKind.Read, Privilege.Supervisor, out uint rasr), Is.Null);
        return (rbar, rasr);
    }

    [Test]
    public void Split_TextExecutable_RodataReadableButNotExecutable()
    {
        Boot(split: true, Aligned);
        Assert.Multiple(() =>
        {
            Assert.That(_driver.StaticRegions, Is.EqualTo(3));
            foreach (Privilege p in new[] { Privilege.User, Privilege.Supervisor })
            {
                Assert.That(Allowed(TextEnd - 2, AccessKind.Execute, p), Is.True, $"{p} executes text");
                Assert.That(Allowed(TextEnd - 4, AccessKind.Read, p), Is.True, $"{p} reads text");
                Assert.That(Allowed(TextEnd, AccessKind.Read, p), Is.True, $"{p} reads rodata");
                Assert.That(Allowed(TextEnd, AccessKind.Execute, p), Is.False, $"{p} cannot fetch from rodata");
                Assert.That(Allowed(RodataEnd - 4, AccessKind.Execute, p), Is.False, $"{p} cannot fetch from rodata's end");
                Assert.That(Allowed(TextEnd, AccessKind.Write, p), Is.False, $"{p} cannot write rodata");
            }
        });
    }

    [Test]
    public void Unsplit_RodataIsExecutable()
    {
        Boot(split: false, Aligned);
        Assert.Multiple(() =>
        {
            Assert.That(_driver.StaticRegions, Is.EqualTo(2));
            Assert.That(Allowed(TextEnd, AccessKind.Execute, Privilege.User), Is.True, "one REGION_FLASH_ATTR region over both");
        });
    }

    [Test]
    public void Split_CostsOneBootRegion_SoOnePartition()
    {
        Boot(split: false, Aligned);
        int whole = _driver.MaxPartitionsPerDomain;
        Boot(split: true, Aligned);
        Assert.That(_driver.MaxPartitionsPerDomain, Is.EqualTo(whole - 1));
    }

    [Test]
    public void Split_RodataRegion_IsTheFlashRegionWithXn()
    {
        Boot(split: true, Aligned);
        (uint textBar, uint textAttr) = Region(0);
        (uint rodataBar, uint rodataAttr) = Region(1);
        if (version == ArmMpuVersion.PmsaV7)
        {
            Assert.Multiple(() =>
            {
                Assert.That(textAttr, Is.EqualTo(0x0702_0000u | (17u << 1) | 1), "RO/RO, write-through, executable, 256 KiB");
                Assert.That(rodataAttr, Is.EqualTo(0x1702_0000u | (15u << 1) | 1), "the same with XN, 64 KiB");
                Assert.That(rodataBar & ~0x1Fu, Is.EqualTo(TextEnd));
            });
        }
        else
        {
            Assert.Multiple(() =>
            {
                Assert.That((textBar, textAttr), Is.EqualTo((0b110u, (TextEnd - 0x20) | 1)), "AP=11, XN=0, MAIR index 0");
                Assert.That((rodataBar, rodataAttr), Is.EqualTo((TextEnd | 0b111u, (RodataEnd - 0x20) | 1)), "AP=11, XN=1, MAIR index 0");
            });
        }
    }

    [Test]
    public void Split_UnalignedLayout_IsRefusedOnPmsaV7_AndExactOnPmsaV8()
    {
        var layout = new BootMemoryLayout(new AddressRange(0x400, 0x4_0400), new AddressRange(0x4_0400, 0x5_0400), new AddressRange(Ram, Ram + 0x40_0000), []);
        if (version == ArmMpuVersion.PmsaV7)
        {
            Assert.That(() => Boot(split: true, layout), Throws.InvalidOperationException.With.Message.Contains("would cover each other"));
            return;
        }

        Boot(split: true, layout);
        Assert.Multiple(() =>
        {
            Assert.That(Allowed(0x4_03FE, AccessKind.Execute, Privilege.User), Is.True, "text's last halfword");
            Assert.That(Allowed(0x4_0400, AccessKind.Execute, Privilege.User), Is.False, "rodata's first byte");
        });
    }
}
