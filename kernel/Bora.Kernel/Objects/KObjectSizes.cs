namespace Bora.Kernel.Objects;

/// <summary>
/// Bytes each kernel object occupies in the kernel-object area: plausible 32-bit <c>sizeof</c> values
/// of Zephyr's structs (see docs/kernel.md for the derivation).
/// </summary>
public static class KObjectSizes
{
    /// <summary><c>sizeof(struct k_sem)</c>: wait queue (8), count (4), limit (4).</summary>
    public const uint Semaphore = 16;

    /// <summary><c>sizeof(struct k_mutex)</c>: wait queue (8), owner (4), lock count (4), original priority (4).</summary>
    public const uint Mutex = 20;

    /// <summary><c>sizeof(struct k_thread)</c> on a 32-bit core without FPU context, with userspace fields.</summary>
    public const uint Thread = 160;

    /// <summary>Alignment of objects in the kernel-object area.</summary>
    public const uint Alignment = 4;

    /// <summary>The struct size of <paramref name="kind"/> (stacks have their own sizes).</summary>
    public static uint Of(KObjectKind kind) => kind switch
    {
        KObjectKind.Semaphore => Semaphore,
        KObjectKind.Mutex => Mutex,
        KObjectKind.Thread => Thread,
        _ => 0,
    };
}
