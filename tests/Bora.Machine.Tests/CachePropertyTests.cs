using Bora.Hal;
using FsCheck;
using FsCheck.Fluent;

namespace Bora.Machine.Tests;

/// <summary>
/// Property: whatever sequence of accesses and reprogramming happens, every access gets the answer an
/// uncached CPU would give, i.e. the decision cache is never observable.
/// </summary>
public sealed class CachePropertyTests
{
    private static readonly BoardMemoryMap s_map = new(
        [new MemoryMapEntry("sram", new AddressRange(0x2000_0000, 0x2000_4000), MemoryKind.Ram)]);

    [Test]
    public void CachedAnswers_EqualUncachedAnswers_ForAnySequence()
    {
        Gen<(int Op, uint A, uint B)> step =
            from op in Gen.Choose(0, 5)
            from a in Gen.Choose(0, 0x3FFF)
            from b in Gen.Choose(0, 0x3FFF)
            select (op, (uint)a, (uint)b);

        Prop.ForAll(step.ArrayOf().ToArbitrary(), steps =>
        {
            var model = new FenceModel(0x2000_1000, 0x2000_10FF);
            var cpu = new Cpu(new SystemBus(s_map), model);
            var reference = new Cpu(new SystemBus(s_map), new FenceModel(0x2000_1000, 0x2000_10FF));
            var referenceModel = (FenceModel)reference.Protection;
            foreach ((int op, uint a, uint b) in steps)
            {
                uint address = 0x2000_0000 + a;
                switch (op)
                {
                    case 0:
                        uint lo = 0x2000_0000 + Math.Min(a, b), hi = 0x2000_0000 + Math.Max(a, b);
                        model.Move(lo, hi);
                        referenceModel.Move(lo, hi);
                        break;
                    case 1:
                        cpu.State.Privilege = cpu.State.Privilege == Privilege.User ? Privilege.Supervisor : Privilege.User;
                        reference.State.Privilege = cpu.State.Privilege;
                        break;
                    default:
                        int size = 1 << (op - 2);
                        bool cached = Faults(() => _ = size switch { 1 => cpu.ReadByte(address), 2 => cpu.ReadUInt16(address), 4 => cpu.ReadUInt32(address), _ => (uint)cpu.ReadUInt64(address) });
                        reference.InvalidateDecisions();
                        bool uncached = Faults(() => _ = size switch { 1 => reference.ReadByte(address), 2 => reference.ReadUInt16(address), 4 => reference.ReadUInt32(address), _ => (uint)reference.ReadUInt64(address) });
                        if (cached != uncached)
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static bool Faults(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (MachineFaultException)
        {
            return true;
        }
    }
}
