namespace Bora.Kernel.Tests;

internal static class TimerTestExtensions
{
    /// <summary>A <c>static struct k_timer name;</c> (to be initialised with <c>k_timer_init</c>).</summary>
    public static TimerHandle DeclareTimerForTest(this BoraKernel k, string name) => k.DefineTimer(name);
}
