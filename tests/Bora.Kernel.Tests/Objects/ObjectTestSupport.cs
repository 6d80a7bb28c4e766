namespace Bora.Kernel.Tests.Objects;

/// <summary>Shared helpers for the kernel-object permission tests.</summary>
internal static class ObjectTestSupport
{
    public const uint StackSize = 1024;

    /// <summary><c>k_object_validate(k_object_find(obj), kind, init)</c> for the calling thread.</summary>
    public static int Validate(KObjectHandle obj, KObjectKind kind, ObjectInitCheck init = ObjectInitCheck.MustBeInitialized) =>
        k_object_validate(k_object_find(obj), kind, init);

    /// <summary>
    /// <see cref="ZTest.Run"/> with the system heap as the test thread's resource pool, as Zephyr's object tests set it
    /// up (<c>k_thread_system_pool_assign(k_current_get())</c>): dynamic objects come from the caller's pool.
    /// </summary>
    public static RunResult RunWithSystemPool(BoraKernel kernel, Action body, bool expectFinished = true) => ZTest.Run(kernel, () =>
    {
        k_thread_system_pool_assign(k_current_get());
        body();
    }, expectFinished: expectFinished);

    /// <summary>Creates a thread on <paramref name="thread"/> and <paramref name="stack"/> at priority 0 and joins it.</summary>
    public static void RunChild(ThreadHandle thread, StackHandle stack, ThreadOptions options, Action body)
    {
        k_thread_create(thread, stack, StackSize, (_, _, _) => body(), 0, 0, 0, 0, options, K_NO_WAIT);
        Assert.That(k_thread_join(thread, K_FOREVER), Is.Zero);
    }
}
