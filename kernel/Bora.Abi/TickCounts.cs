namespace Bora.Abi;

/// <summary>Tick-count constants of the timeout ABI.</summary>
public static class TickCounts
{
    /// <summary><c>K_TICKS_FOREVER</c>: what <c>k_sleep(K_FOREVER)</c> returns.</summary>
    public const int Forever = -1;
}
