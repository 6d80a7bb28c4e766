namespace Bora.Kernel.Objects;

/// <summary>
/// An object whose buffer may come from a thread's resource pool (<c>k_stack</c>, <c>k_msgq</c>, <c>k_pipe</c>
/// <c>*_alloc_init</c>): its type clean-up, and the pool buffer to give back once that clean-up succeeded.
/// </summary>
internal interface IPoolBufferedObject
{
    /// <summary><c>k_*_cleanup</c>'s check: 0, or the type's error while threads wait.</summary>
    int Cleanup();

    /// <summary>The pool buffer to free (0 when none), forgotten by the object.</summary>
    uint ReleaseAllocatedBuffer();
}
