namespace Bora.Kernel.Hosting;

/// <summary>Why a run returned control to the host.</summary>
public enum RunStopReason
{
    /// <summary>Every thread is blocked and no timeout is pending: nothing can happen until the host acts.</summary>
    Idle,

    /// <summary>The virtual deadline of <see cref="BoraKernel.RunFor"/> was reached.</summary>
    DeadlineReached,

    /// <summary><see cref="BoraKernel.RunUntilIdle"/> ran for <see cref="KernelOptions.IdleRunLimit"/> of virtual time without going idle.</summary>
    IdleLimitReached,

    /// <summary>The kernel halted (see <see cref="BoraKernel.Halt"/>).</summary>
    Halted,
}
