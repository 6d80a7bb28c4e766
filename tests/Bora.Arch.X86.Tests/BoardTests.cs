using Bora.Hal;
using Bora.Machine;
using Microsoft.Extensions.DependencyInjection;

namespace Bora.Arch.X86.Tests;

public sealed class BoardTests
{
    [Test]
    public void Catalogue_HoldsQemuX86_ItsNoPaeVariant_AndThePcOfTheVectors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(X86Boards.All.Select(b => b.Name), Is.EqualTo(new[] { "qemu_x86", "qemu_x86_nopae", "pc" }));
            Assert.That(X86Boards.QemuX86.Arch, Is.EqualTo(X86Arch.Pae));
            Assert.That(X86Boards.QemuX86NoPae.Arch, Is.EqualTo(X86Arch.Paging32));
            Assert.That(X86Boards.QemuX86.MemoryMap.Find(0)!.Name, Is.EqualTo("dram0"));
            Assert.That(X86Boards.QemuX86.MemoryMap.KindAt((32u << 20) - 1), Is.EqualTo(MemoryKind.Ram));
            Assert.That(X86Boards.QemuX86.MemoryMap.KindAt(32u << 20), Is.EqualTo(MemoryKind.Unmapped));
            Assert.That(X86Boards.QemuX86.MemoryMap.KindAt(0xFEE0_0020), Is.EqualTo(MemoryKind.Mmio));
            Assert.That(X86Boards.Pc.MemoryMap.Entries.Single().Range, Is.EqualTo(new AddressRange(0, 0x1000_0000)));
            Assert.That(() => X86Boards.Find("mps2-an385"), Throws.ArgumentException);
        });
    }

    [Test]
    public void AddX86Mmu_BuildsTheMachine_WithTheMmuAsProtectionAndSystemRegisters()
    {
        var services = new ServiceCollection();
        services.AddX86Mmu(o => o.Mode = X86PagingMode.Paging32);
        using ServiceProvider provider = services.BuildServiceProvider();
        Machine.Machine machine = provider.GetRequiredService<Machine.Machine>();
        Assert.Multiple(() =>
        {
            Assert.That(machine.Board, Is.SameAs(X86Boards.QemuX86NoPae), "the 32-bit default board");
            Assert.That(provider.GetRequiredService<IProtectionModel>(), Is.SameAs(machine.Protection));
            Assert.That(provider.GetRequiredService<ISystemRegisters>(), Is.SameAs(machine.Protection));
            Assert.That(provider.GetRequiredService<X86Mmu>().Arch, Is.EqualTo(X86Arch.Paging32));
            Assert.That(provider.GetRequiredService<IExceptionModel>(), Is.TypeOf<X86ExceptionModel>());
        });
    }

    [Test]
    public void AddX86Mmu_WithAnUnknownBoard_SaysWhichBoardsExist() =>
        Assert.That(() => new ServiceCollection().AddX86Mmu(o => o.Board = "nope"),
            Throws.ArgumentException.With.Message.Contains("qemu_x86"));

    [Test]
    public void UnmappedPhysicalMemory_IsReportedAsAMachineCheck()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.MapPage(0x4000_0000, 0x0400_0000, PageEntry.P | PageEntry.RW | PageEntry.US); // above the 32 MiB of dram0
        rig.EnablePaging();
        FaultRecord? fault = rig.Read(0x4000_0000, Privilege.User);
        Assert.Multiple(() =>
        {
            Assert.That(fault, Is.Not.Null);
            Assert.That(fault!.Vector, Is.EqualTo(X86Vector.MachineCheck));
            Assert.That(fault.Class, Is.EqualTo(FaultClass.Bus));
        });
    }

    [Test]
    public void CheckedLoadLoop_HitsTheCpuCache_OneWalkPerPage()
    {
        var rig = new X86Rig(X86PagingMode.Pae);
        rig.Tables.IdentityMap(0x0050_0000, 0x2000, PageEntry.P | PageEntry.RW | PageEntry.US);
        rig.EnablePaging();
        int invalidations = 0;
        Cpu cpu = rig.Cpu;
        cpu.State.Privilege = Privilege.User;
        for (uint a = 0x0050_0000; a < 0x0050_2000; a += 4)
        {
            cpu.ReadUInt32(a);
        }

        rig.Mmu.AttachDecisionCache(() => invalidations++);
        Assert.Multiple(() =>
        {
            Assert.That(rig.Mmu.TlbEntries, Is.EqualTo(2), "one translation per page");
            Assert.That(invalidations, Is.Zero);
        });
    }
}
