namespace Bora.Hal;

/// <summary>
/// The register convention of an arch's syscall trap (Zephyr's <c>arch_syscall_invoke6</c>): the register that holds
/// the call id, the six argument registers (the first also carries the result back), and the registers the return
/// path zeroes so that no kernel value reaches user mode.
/// </summary>
/// <param name="Id">The register holding the syscall id.</param>
/// <param name="Arg0">Argument word 0, and the result.</param>
/// <param name="Arg1">Argument word 1.</param>
/// <param name="Arg2">Argument word 2.</param>
/// <param name="Arg3">Argument word 3.</param>
/// <param name="Arg4">Argument word 4.</param>
/// <param name="Arg5">Argument word 5 (or the address of words 5 onward).</param>
/// <param name="ScrubMask">Bit n set: register n is zeroed on the way back to user mode.</param>
public sealed record SyscallRegisters(int Id, int Arg0, int Arg1, int Arg2, int Arg3, int Arg4, int Arg5, uint ScrubMask)
{
    /// <summary>The register of argument word <paramref name="index"/> (0–5).</summary>
    /// <param name="index">The word index.</param>
    /// <returns>The register number.</returns>
    public int Argument(int index) => index switch
    {
        0 => Arg0,
        1 => Arg1,
        2 => Arg2,
        3 => Arg3,
        4 => Arg4,
        5 => Arg5,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "syscall argument registers are 0..5"),
    };

    /// <summary>Zeroes the registers of <see cref="ScrubMask"/> in <paramref name="cpu"/>.</summary>
    /// <param name="cpu">The CPU.</param>
    public void Scrub(CpuState cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        for (int r = 0; r < 32; r++)
        {
            if ((ScrubMask & (1u << r)) != 0)
            {
                cpu.Registers[r] = 0;
            }
        }
    }
}
