using Bora.Abi;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.AppMemory;
using Bora.Kernel.Fatal;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// Zephyr's <c>samples/userspace/prod_consumer</c> (<c>main.c</c>): two user-mode applications in their own memory
/// domains sharing one partition. A fake driver produces a payload every second from its "interrupt"; app A's
/// callback and monitor thread move it into the shared pool, app B processes it and app A writes the result back
/// to the driver, ten times, then prints <c>SUCCESS</c>. See docs/samples.md for how it maps to Zephyr's.
/// </summary>
/// <remarks>
/// Main prints the partitions' sizes but not their addresses (they differ per board, the output does not; <c>bora
/// map</c> shows them). Fatal errors are printed with their full report (Zephyr's fault dump); a user thread's error
/// kills only that thread, anything else halts, as Bora's default handler does.
/// </remarks>
internal sealed class ProdConsumerSample : ISample, Layout.IAppMemorySample
{
    private const string Module = "app_main";
    private const uint AppStackSize = 2048;

    public string Name => "prod_consumer";

    public string Description => "Zephyr's userspace producer/consumer: two user-mode apps in separate memory domains, a shared partition, a driver ISR";

    public string DefaultDuration => "15s";

    /// <inheritdoc/>
    public AppMemoryImage AppMemory => AppShared.Image;

    /// <summary>Whether app B, once done, reads app A's memory (the demo's caught violation).</summary>
    public bool Intruder { get; init; }

    public void Define(BoraKernel kernel, Action<string> print)
    {
        var shared = new AppShared(kernel, print);
        var driver = new SampleDriverFoo(shared);
        var appA = new AppA(shared, driver);
        var appB = new AppB(shared);
        if (Intruder)
        {
            appB.PeekAt = (appA.PendingCount, "app A's pending_count");
        }

        ThreadHandle appAThread = kernel.DeclareThread("app_a_thread");
        StackHandle appAStack = kernel.DefineStack("app_a_stack", AppStackSize);
        ThreadHandle appBThread = kernel.DeclareThread("app_b_thread");
        StackHandle appBStack = kernel.DefineStack("app_b_stack", AppStackSize);
        kernel.SetFatalErrorHandler((reason, report) => PrintAndDecide(kernel, shared.Log, reason, report));

        kernel.Boot((_, _, _) =>
        {
            shared.Log.Inf(Module, $"APP A partition: {shared.GlobalBytes(AppA.Partition)} bytes of globals");
            shared.Log.Inf(Module, $"APP B partition: {shared.GlobalBytes(AppB.Partition)} bytes of globals");
            shared.Log.Inf(Module, $"Shared partition: {shared.GlobalBytes(ProdConsumerMemory.shared_partition)} bytes of globals");
            shared.SharedPartition = ProdConsumerMemory.shared_partition.Partition;
            shared.Pool.Init();

            ThreadHandle a = k_thread_create(appAThread, appAStack, AppStackSize, appA.Entry, 0, 0, 0, -1, K_INHERIT_PERMS, K_NO_WAIT);
            ThreadHandle b = k_thread_create(appBThread, appBStack, AppStackSize, appB.Entry, 0, 0, 0, -1, K_INHERIT_PERMS, K_NO_WAIT);
            k_thread_join(a, K_FOREVER);
            k_thread_join(b, K_FOREVER);
        });
    }

    /// <summary>Prints the report, then Bora's default policy: a user thread's error kills it; anything else halts.</summary>
    private static void PrintAndDecide(BoraKernel kernel, SampleLog log, FatalReason reason, FatalErrorReport report)
    {
        foreach (string line in report.ToString().TrimEnd().Split('\n'))
        {
            log.Raw(line.TrimEnd('\r'));
        }

        if (report.Mode != Privilege.User || report.InIsr || reason == FatalReason.KernelPanic)
        {
            kernel.FatalHalt(reason, $"{report.ReasonName} in '{report.ThreadName}': {report.Message}", report);
        }
    }
}
