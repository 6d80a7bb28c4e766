namespace Bora.Kernel.Objects;

/// <summary>A timer's expiry or stop function: Zephyr's <c>void (*)(struct k_timer *timer)</c>.</summary>
/// <param name="timer">The timer that expired or was stopped.</param>
public delegate void TimerHandler(TimerHandle timer);
