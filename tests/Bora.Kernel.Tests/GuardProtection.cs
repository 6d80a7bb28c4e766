using Bora.Machine;

namespace Bora.Kernel.Tests;

/// <summary>
/// A minimal protection unit for kernel tests: everything is allowed except registered guard ranges,
/// which fault like an MPU stack guard (MemManage, DACCVIOL). Stands in for the arch backends.
/// </summary>
internal sealed class GuardProtection : IProtectionModel
{
    public static readonly ArchId Id = new("test-guard");
    private readonly List<AddressRange> _guards = [];
    private Action? _invalidate;

    public ArchId Arch => Id;

    public IReadOnlyList<InvalidProgramming> InvalidProgramming => [];

    public void AddGuard(uint start, uint size)
    {
        _guards.Add(AddressRange.FromSize(start, size));
        _guards.Sort((a, b) => a.Start.CompareTo(b.Start));
        _invalidate?.Invoke();
    }

    public AccessDecision Decide(uint address, AccessKind kind, Privilege privilege)
    {
        ulong low = 0, high = uint.MaxValue;
        foreach (AddressRange g in _guards)
        {
            if (g.Contains(address))
            {
                return AccessDecision.Deny((uint)g.Start, (uint)(g.End - 1), 1);
            }

            if (g.End <= address)
            {
                low = Math.Max(low, g.End);
            }
            else if (g.Start > address)
            {
                high = Math.Min(high, g.Start - 1);
            }
        }

        return AccessDecision.Allow((uint)low, (uint)high);
    }

    public FaultRecord RaiseFault(in MemoryAccess access, uint faultingAddress, in AccessDecision decision) =>
        new(Id, "MemManage", 4, FaultClass.Protection, access, faultingAddress, [new StatusRegister("MMFSR", 0x82, "DACCVIOL|MMARVALID")]);

    public FaultRecord RaiseBusFault(in MemoryAccess access, uint faultingAddress) =>
        new(Id, "BusFault", 5, FaultClass.Bus, access, faultingAddress, [new StatusRegister("BFSR", 0x82, "PRECISERR|BFARVALID")]);

    public void ClearFaultStatus()
    {
    }

    public void AttachDecisionCache(Action invalidate) => _invalidate = invalidate;
}
