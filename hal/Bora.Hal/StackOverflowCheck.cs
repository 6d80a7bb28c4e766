namespace Bora.Hal;

/// <summary>The result of <c>z_check_thread_stack_fail</c>: whether a fault is a stack overflow, and where SP goes.</summary>
/// <param name="IsStackOverflow">The fault is classified <c>K_ERR_STACK_CHK_FAIL</c>.</param>
/// <param name="CorrectedSp">The stack pointer Zephyr resets to (the guard's end) when it is an overflow.</param>
public readonly record struct StackOverflowCheck(bool IsStackOverflow, uint CorrectedSp);
