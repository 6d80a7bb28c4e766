namespace Bora.Kernel.Objects;

/// <summary>The init-state requirement of an object validation (Zephyr's <c>enum _obj_init_check</c>, same values).</summary>
public enum ObjectInitCheck
{
    /// <summary><c>_OBJ_INIT_TRUE</c>: the object must be initialised, else <c>-EINVAL</c> (<c>K_SYSCALL_OBJ</c>).</summary>
    MustBeInitialized = 0,

    /// <summary><c>_OBJ_INIT_FALSE</c>: the object must not be initialised, else <c>-EADDRINUSE</c> (<c>K_SYSCALL_OBJ_NEVER_INIT</c>).</summary>
    MustNotBeInitialized = -1,

    /// <summary><c>_OBJ_INIT_ANY</c>: either state (<c>K_SYSCALL_OBJ_INIT</c>, for init functions that allow re-init).</summary>
    Any = 1,
}
