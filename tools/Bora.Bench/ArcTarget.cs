using Bora.Arch.Arc;
using Bora.Hal;
using Bora.Machine;

namespace Bora.Bench;

/// <summary>
/// An ARC MPU programmed through aux registers: a 64 KiB user read-write region over the buffer; the
/// small neighbour is a user read-only region over the buffer's tail — 32 bytes on v4, the 2 KiB
/// minimum on v2 (lower index wins, so it sits on top of the big region).
/// </summary>
public sealed class ArcTarget(bool v4) : IBenchTarget
{
    private const uint UserRw = 0x1B0, UserRo = 0x120, KernelRw = 0x180, Enable = 1u << 30;

    public string Name => v4 ? "arc-v4" : "arc-v2";

    public Cpu Build(bool smallNeighbour, out uint bufferBase)
    {
        ArcMpuVersion version = v4 ? ArcMpuVersion.V4 : ArcMpuVersion.V2;
        var machine = new ArcMachine(ArcBoards.DefaultFor(version), new ArcMpuOptions { Version = version });
        ArcAuxRegisters aux = machine.Aux;
        bufferBase = 0x8001_0000;
        uint end = bufferBase + 0x10000;
        if (v4)
        {
            uint bigEnd = smallNeighbour ? end - 32 : end;
            RegionV4(aux, 0, bufferBase, bigEnd, UserRw);
            if (smallNeighbour)
            {
                RegionV4(aux, 1, end - 32, end, UserRo);
            }
        }
        else
        {
            if (smallNeighbour)
            {
                aux.Write(ArcAux.MPU_RDB0, (end - 2048) | 1);
                aux.Write(ArcAux.MPU_RDP0, 0x402 | UserRo);
            }

            aux.Write(ArcAux.MPU_RDB0 + 2, bufferBase | 1);
            aux.Write(ArcAux.MPU_RDP0 + 2, 0x603 | UserRw);
        }

        aux.Write(ArcAux.MPU_EN, Enable | KernelRw);
        machine.Cpu.State.Privilege = Privilege.User;
        return machine.Cpu;
    }

    private static void RegionV4(ArcAuxRegisters aux, uint index, uint start, uint end, uint permissions)
    {
        aux.Write(ArcAux.MPU_INDEX, index);
        aux.Write(ArcAux.MPU_RSTART, start);
        aux.Write(ArcAux.MPU_REND, end - 32);
        aux.Write(ArcAux.MPU_RPER, permissions | 1);
    }
}
