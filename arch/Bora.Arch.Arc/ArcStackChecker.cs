using Bora.Hal;

namespace Bora.Arch.Arc;

/// <summary>
/// ARCv2 hardware stack checking: KSTACK_TOP/KSTACK_BASE bound the kernel stack, USTACK_TOP/USTACK_BASE
/// the user stack (TOP is the lowest address, BASE the address just above the stack, as Zephyr programs
/// them). With STATUS32.SC set, a stack access — <see cref="AccessKind.StackPush"/> or
/// <see cref="AccessKind.StackPop"/> — outside <c>[TOP, BASE)</c> of the current mode's stack is an
/// EV_ProtV with parameter 0x02, whatever the MPU says.
/// </summary>
internal sealed class ArcStackChecker : IAuxRegisterBlock
{
    private readonly Action _changed;
    private uint _kstackTop;
    private uint _kstackBase;
    private uint _ustackTop;
    private uint _ustackBase;

    public ArcStackChecker(Action changed)
    {
        _changed = changed;
    }

    public bool TryRead(uint number, out uint value)
    {
        value = number switch
        {
            ArcAux.KSTACK_TOP => _kstackTop,
            ArcAux.KSTACK_BASE => _kstackBase,
            ArcAux.USTACK_TOP => _ustackTop,
            ArcAux.USTACK_BASE => _ustackBase,
            _ => 0,
        };
        return number is ArcAux.KSTACK_TOP or ArcAux.KSTACK_BASE or ArcAux.USTACK_TOP or ArcAux.USTACK_BASE;
    }

    public bool TryWrite(uint number, uint value)
    {
        switch (number)
        {
            case ArcAux.KSTACK_TOP:
                _kstackTop = value;
                break;
            case ArcAux.KSTACK_BASE:
                _kstackBase = value;
                break;
            case ArcAux.USTACK_TOP:
                _ustackTop = value;
                break;
            case ArcAux.USTACK_BASE:
                _ustackBase = value;
                break;
            default:
                return false;
        }

        _changed();
        return true;
    }

    /// <summary>
    /// Applies the stack bound to a stack access the MPU decided as <paramref name="mpu"/>: a violation
    /// replaces the MPU's answer; otherwise the MPU's window is clipped to the stack.
    /// </summary>
    public AccessDecision Apply(in AccessDecision mpu, uint address, Privilege privilege)
    {
        (uint top, uint stackBase) = privilege == Privilege.User ? (_ustackTop, _ustackBase) : (_kstackTop, _kstackBase);
        if (stackBase <= top)
        {
            return AccessDecision.Deny(0, uint.MaxValue, DecisionDetail.StackCheckFlag);
        }

        if (address < top)
        {
            return AccessDecision.Deny(0, top - 1, DecisionDetail.StackCheckFlag);
        }

        if (address >= stackBase)
        {
            return AccessDecision.Deny(stackBase, uint.MaxValue, DecisionDetail.StackCheckFlag);
        }

        uint start = Math.Max(mpu.WindowStart, top);
        uint end = Math.Min(mpu.WindowEnd, stackBase - 1);
        return mpu.IsAllowed ? AccessDecision.Allow(start, end, mpu.Detail) : AccessDecision.Deny(start, end, mpu.Detail);
    }
}
