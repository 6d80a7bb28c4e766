namespace Bora.Kernel.Objects;

/// <summary>How a <see cref="KQueue"/> was defined: Zephyr's <c>k_fifo</c> and <c>k_lifo</c> are a <c>k_queue</c> inside.</summary>
public enum QueueFlavor
{
    /// <summary><c>struct k_queue</c>.</summary>
    Queue,

    /// <summary><c>struct k_fifo</c>.</summary>
    Fifo,

    /// <summary><c>struct k_lifo</c>.</summary>
    Lifo,
}
