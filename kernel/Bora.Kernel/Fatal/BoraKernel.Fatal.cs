using System.Diagnostics.CodeAnalysis;

namespace Bora.Kernel;

/// <summary>
/// Fatal errors (kernel/fatal.c): a reason, a report, the replaceable handler, then the culprit's
/// abort or the kernel's halt.
/// </summary>
public sealed partial class BoraKernel
{
    private FatalErrorHandler _fatalHandler;
    private bool _inFatal;
    private FatalErrorReport? _handlingReport;

    /// <summary>
    /// Halts the kernel (<c>k_fatal_halt</c> / <c>arch_system_halt</c>): control returns to the host,
    /// which sees <see cref="Halt"/>; running again throws. Callable only from a kernel thread or ISR
    /// (typically from a fatal error handler).
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from a host thread.</exception>
    [DoesNotReturn]
    public void FatalHalt(FatalReason reason, string message, FatalErrorReport? report)
    {
        KernelContext context = KernelContext.Current is { } c && c.Kernel == this
            ? c
            : throw new InvalidOperationException("FatalHalt (k_fatal_halt) halts from inside the kernel; from the host, simply stop running it and dispose it");
        KThread self = context.Thread;
        if (Halt is null)
        {
            Halt = new HaltInfo(reason, message, report ?? _handlingReport, _cpu.Cycles);
            _trace.Record(_cpu.Cycles, TraceEventKind.Halt, self.Id, (int)reason, 0);
            _log.Error("Kernel halted ({Reason}): {Message}", reason, message);
        }

        ReturnToHost(self, RunStopReason.Halted);
        ThrowTermination(self);
    }

    /// <summary>
    /// <c>z_fatal_error</c>: reports, calls the handler in the faulting context and, if it returns,
    /// aborts the culprit (halting instead when the culprit is essential).
    /// </summary>
    [DoesNotReturn]
    internal void Fatal(KThread culprit, FatalReason reason, FaultRecord? fault, string message)
    {
        bool inIsr = _isrNesting > 0;
        Privilege mode = inIsr ? Privilege.Supervisor : _cpu.State.Privilege;
        if (fault is null && mode == Privilege.User && reason is not (FatalReason.KernelOops or FatalReason.StackCheckFail))
        {
            // From user mode a software-raised reason is delivered as an oops (Zephyr's arch trap handlers).
            reason = FatalReason.KernelOops;
        }

        FatalErrorReport report = BuildReport(culprit, reason, fault, message, mode, inIsr);
        _trace.Record(_cpu.Cycles, TraceEventKind.Fault, culprit.Id, (int)reason, 0);
        _log.Warning("Fatal error {Reason} in thread {Thread}: {Message}{NewLine}{Report}", report.ReasonName, culprit.ThreadName, message, Environment.NewLine, report);
        if (_inFatal)
        {
            FatalHalt(reason, $"a fatal error happened inside the fatal error handler: {message}", report);
        }

        _inFatal = true;
        _handlingReport = report;
        try
        {
            _fatalHandler(reason, report);
        }
        finally
        {
            _inFatal = false;
            _handlingReport = null;
        }

        if (culprit.IsEssential)
        {
            FatalHalt(reason, $"essential thread '{culprit.ThreadName}' died of {report.ReasonName}: {message}", report);
        }

        AbortThread(culprit, culprit);
        ThrowTermination(culprit);
    }

    /// <summary>A checked access faulted on a host thread of this kernel (or elsewhere).</summary>
    [DoesNotReturn]
    internal void OnMachineFault(FaultRecord fault)
    {
        KernelContext? context = KernelContext.Current;
        if (context is null || context.Kernel != this)
        {
            throw new MachineFaultException(fault);
        }

        KThread self = context.Thread;
        if (self.Unwinding)
        {
            ThrowTermination(self);
        }

        FatalReason reason = ClassifyFault(self, fault);
        string what = fault.Class == FaultClass.Bus ? "bus error" : "access denied";
        Fatal(self, reason, fault, $"{fault.ExceptionName}: {what} on {fault.Access}");
    }

    /// <summary>
    /// Zephyr's classification: a stack-limit fault, or a fault taken with SP in or below the
    /// thread's stack guard (below its buffer), is <c>K_ERR_STACK_CHK_FAIL</c>; anything else is
    /// <c>K_ERR_CPU_EXCEPTION</c>.
    /// </summary>
    private FatalReason ClassifyFault(KThread thread, FaultRecord fault)
    {
        if (fault.Class == FaultClass.StackLimit)
        {
            return FatalReason.StackCheckFail;
        }

        if (_driver is not null && thread.MemoryView is { } view)
        {
            // z_check_thread_stack_fail, the arch's way (guard region, user-stack bound, ARC stack checking).
            return _isrNesting == 0 && _driver.CheckStackOverflow(fault, view, _cpu.State.Sp).IsStackOverflow
                ? FatalReason.StackCheckFail
                : FatalReason.CpuException;
        }

        if (_isrNesting == 0 && thread.Stack is { } stack && thread.Stack.InUseBy == thread)
        {
            uint sp = _cpu.State.Sp;
            bool spBelowBuffer = sp < stack.BufferStart && sp >= stack.Address - 0x1000;
            bool addressInGuard = stack.GuardBytes > 0 && fault.FaultAddress is uint a && a >= stack.GuardStart && a < stack.BufferStart;
            if (spBelowBuffer || addressInGuard)
            {
                return FatalReason.StackCheckFail;
            }
        }

        return FatalReason.CpuException;
    }

    /// <summary>
    /// Bora's default <c>k_sys_fatal_error_handler</c>: returns for user-thread faults (the thread is
    /// aborted) and halts for supervisor or ISR faults and for <c>K_ERR_KERNEL_PANIC</c>.
    /// </summary>
    private void DefaultFatalHandler(FatalReason reason, FatalErrorReport report)
    {
        if (report.Mode == Privilege.User && !report.InIsr && reason != FatalReason.KernelPanic)
        {
            return;
        }

        string where = report.InIsr ? "an ISR" : $"supervisor thread '{report.ThreadName}'";
        FatalHalt(reason, $"{report.ReasonName} in {where}: {report.Message}", report);
    }
}
