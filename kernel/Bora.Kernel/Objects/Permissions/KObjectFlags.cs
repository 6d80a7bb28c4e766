namespace Bora.Kernel.Objects;

/// <summary>A kernel object's flags (Zephyr's <c>K_OBJ_FLAG_*</c>, same bit values).</summary>
[Flags]
public enum KObjectFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>
    /// <c>K_OBJ_FLAG_INITIALIZED</c>: the object's init function ran (<c>k_object_init</c>). For a thread it means
    /// "alive"; for a thread stack, "in use by a thread".
    /// </summary>
    Initialized = 1 << 0,

    /// <summary><c>K_OBJ_FLAG_PUBLIC</c>: every thread passes the permission test (<c>k_object_access_all_grant</c>); never cleared.</summary>
    Public = 1 << 1,

    /// <summary><c>K_OBJ_FLAG_ALLOC</c>: allocated by <c>k_object_alloc</c>; freed when its last permission goes.</summary>
    Allocated = 1 << 2,
}
