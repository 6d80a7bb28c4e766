namespace Bora.Kernel.Tests;

/// <summary>Runs a test body the way ztest does: in a thread of its own at ztest's default priority (-1, cooperative).</summary>
internal static class ZTest
{
    public const int ThreadPriority = -1;

    public static BoraKernel Create(Action<KernelOptions>? configure = null, Board? board = null)
    {
        KernelOptions options = TestBoards.Options(board);
        configure?.Invoke(options);
        return new BoraKernel(options);
    }

    /// <summary>Boots <paramref name="kernel"/>, runs <paramref name="body"/> in the ztest thread until the kernel is idle, and checks the body finished.</summary>
    public static RunResult Run(BoraKernel kernel, Action body, int priority = ThreadPriority, bool expectFinished = true)
    {
        bool finished = false;
        kernel.CreateThread("ztest_thread", (_, _, _) =>
        {
            body();
            finished = true;
        }, priority, 4096);
        if (!kernel.IsBooted)
        {
            kernel.Boot();
        }

        RunResult result = kernel.RunUntilIdle();
        Assert.That(kernel.Halt, Is.Null, () => $"the kernel halted: {kernel.Halt}");
        if (expectFinished)
        {
            Assert.That(finished, Is.True, "the test body did not run to completion (a thread is still blocked or was aborted)");
        }

        return result;
    }
}
