namespace Bora.Hal;

/// <summary>
/// How an arch enters and leaves an exception: what it saves, where (the interrupted stack on ARM,
/// the TSS ring-0 stack on x86, registers on ARC), at which privilege, and how a fault while doing so
/// is reported. The kernel uses it for traps, interrupts and faults.
/// </summary>
public interface IExceptionModel
{
    /// <summary>
    /// Takes exception <paramref name="exception"/> with <paramref name="returnAddress"/> as the
    /// interrupted program counter: saves the context the arch's way through
    /// <paramref name="memory"/> and leaves <paramref name="cpu"/> in the handler's state.
    /// </summary>
    ExceptionEntry Enter(CpuState cpu, ICheckedMemory memory, int exception, uint returnAddress);

    /// <summary>Returns from the exception <paramref name="entry"/> took, restoring the saved context.</summary>
    ExceptionReturn Return(CpuState cpu, ICheckedMemory memory, ExceptionEntry entry);
}
