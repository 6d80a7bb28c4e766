using Bora.Hal;
using Bora.Kernel;

namespace Bora.Bench;

/// <summary>
/// The privilege part of a system call, for benchmark user threads until the syscall gate lands: from user mode the
/// call runs in supervisor mode on the thread's privilege stack (as Zephyr's trap does) and drops back afterwards.
/// No verifier runs; the benchmark's calls are known to be valid.
/// </summary>
public static class UserCall
{
    /// <summary>Runs <paramref name="call"/> as the current thread's system call.</summary>
    public static void Invoke(BoraKernel kernel, Action call)
    {
        CpuState cpu = kernel.Machine.Cpu.State;
        if (cpu.Privilege != Privilege.User)
        {
            call();
            return;
        }

        ThreadMemoryView view = kernel.Current!.MemoryView!;
        uint userSp = cpu.Sp;
        cpu.Sp = view.PrivilegedStackStart + view.PrivilegedStackSize;
        cpu.Privilege = Privilege.Supervisor;
        call();
        cpu.Sp = userSp;
        cpu.Privilege = Privilege.User;
    }
}
