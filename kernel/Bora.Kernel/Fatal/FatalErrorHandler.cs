namespace Bora.Kernel.Fatal;

/// <summary>
/// Zephyr's <c>k_sys_fatal_error_handler</c>: runs in the faulting context. Returning aborts the
/// faulting thread; calling <c>k_fatal_halt</c> (or <see cref="BoraKernel.FatalHalt"/>) halts the kernel.
/// </summary>
public delegate void FatalErrorHandler(FatalReason reason, FatalErrorReport report);
