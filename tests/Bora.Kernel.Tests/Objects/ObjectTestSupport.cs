namespace Bora.Kernel.Tests.Objects;

/// <summary>Shared helpers for the kernel-object permission tests.</summary>
internal static class ObjectTestSupport
{
    public const uint StackSize = 1024;

    /// <summary><c>k_object_validate(k_object_find(obj), kind, init)</c> for the calling thread.</summary>
    public static int Validate(KObjectHandle obj, KObjectKind kind, ObjectInitCheck init = ObjectInitCheck.MustBeInitialized) =>
        k_object_validate(k_object_find(obj), kind, init);

    /// <summary>Creates a thread on <paramref name="thread"/> and <paramref name="stack"/> at priority 0 and joins it.</summary>
    public static void RunChild(ThreadHandle thread, StackHandle stack, ThreadOptions options, Action body)
    {
        k_thread_create(thread, stack, StackSize, (_, _, _) => body(), 0, 0, 0, 0, options, K_NO_WAIT);
        Assert.That(k_thread_join(thread, K_FOREVER), Is.Zero);
    }
}
