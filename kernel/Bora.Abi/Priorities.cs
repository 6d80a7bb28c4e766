namespace Bora.Abi;

/// <summary>Zephyr's priority configuration (defaults of CONFIG_NUM_COOP_PRIORITIES and CONFIG_NUM_PREEMPT_PRIORITIES).</summary>
public static class Priorities
{
    /// <summary><c>CONFIG_NUM_COOP_PRIORITIES</c>.</summary>
    public const int NumCoopPriorities = 16;

    /// <summary><c>CONFIG_NUM_PREEMPT_PRIORITIES</c>.</summary>
    public const int NumPreemptPriorities = 15;

    /// <summary><c>K_HIGHEST_THREAD_PRIO</c>: the most urgent priority (-16).</summary>
    public const int Highest = -NumCoopPriorities;

    /// <summary><c>K_LOWEST_THREAD_PRIO</c> and <c>K_IDLE_PRIO</c>: the idle thread's priority (15).</summary>
    public const int Idle = NumPreemptPriorities;

    /// <summary><c>K_LOWEST_APPLICATION_THREAD_PRIO</c>: the least urgent priority an application thread may use (14).</summary>
    public const int LowestApplication = Idle - 1;

    /// <summary><c>CONFIG_MAIN_THREAD_PRIORITY</c>.</summary>
    public const int Main = 0;

    /// <summary><c>K_PRIO_COOP(x)</c>: cooperative priority <paramref name="x"/> (0 is the most urgent).</summary>
    public static int Coop(int x) => x - NumCoopPriorities;

    /// <summary><c>K_PRIO_PREEMPT(x)</c>: preemptible priority <paramref name="x"/>.</summary>
    public static int Preempt(int x) => x;

    /// <summary>Whether <paramref name="priority"/> is one an application thread may be given.</summary>
    public static bool IsValidApplication(int priority) => priority >= Highest && priority <= LowestApplication;
}
