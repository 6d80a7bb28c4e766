namespace Bora.Machine;

/// <summary>
/// Called at a poll point: after a checked access once the cycle counter has reached the deadline set
/// with <see cref="Cpu.SetPollDeadline"/>, or after <see cref="Cpu.RequestPoll"/>. The kernel takes
/// pending interrupts and time-slice expiry here.
/// </summary>
public interface IPollHandler
{
    /// <summary>Handles the poll point; must set the next deadline before returning.</summary>
    void Poll(Cpu cpu);
}
