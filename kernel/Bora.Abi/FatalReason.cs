namespace Bora.Abi;

/// <summary>Zephyr's <c>enum k_fatal_error_reason</c>.</summary>
public enum FatalReason
{
    /// <summary><c>K_ERR_CPU_EXCEPTION</c>: a generic CPU exception (a checked access faulted).</summary>
    CpuException = 0,

    /// <summary><c>K_ERR_SPURIOUS_IRQ</c>: an interrupt with no handler connected.</summary>
    SpuriousIrq = 1,

    /// <summary><c>K_ERR_STACK_CHK_FAIL</c>: a stack overflow.</summary>
    StackCheckFail = 2,

    /// <summary><c>K_ERR_KERNEL_OOPS</c>: a moderate-severity software error (<c>k_oops</c>, a bad kernel-call argument).</summary>
    KernelOops = 3,

    /// <summary><c>K_ERR_KERNEL_PANIC</c>: a high-severity software error (<c>k_panic</c>).</summary>
    KernelPanic = 4,
}
