namespace Bora.Kernel.Syscalls;

/// <summary>
/// Declares a kernel API as a syscall (Zephyr's <c>__syscall</c>). The method is the implementation
/// (<c>z_impl_</c>), which a supervisor caller reaches directly; a static method
/// <c>z_vrfy_&lt;name&gt;</c> with the same signature beside it is the verifier, which a user-mode call
/// reaches through the generated marshaller <c>z_mrsh_&lt;name&gt;</c>. Bora.SyscallGen assigns the id,
/// emits the marshaller, the dispatch switch and the user-side <c>z_*</c> stub (see <c>docs/syscalls.md</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SyscallAttribute : Attribute
{
    /// <summary>Declares a syscall named after the method (e.g. <c>k_sem_give</c>).</summary>
    public SyscallAttribute()
    {
    }

    /// <summary>Declares a syscall with the Zephyr name <paramref name="name"/> (e.g. <c>k_sem_give</c>).</summary>
    /// <param name="name">The Zephyr name: lower-case letters, digits and underscores.</param>
    public SyscallAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The Zephyr name, or <see langword="null"/> to use the method name.</summary>
    public string? Name { get; }

    /// <summary>
    /// <see langword="false"/> for a syscall that is declared but not built (Zephyr: its marshaller is the weak
    /// <c>handler_no_syscall</c>): it keeps its id and its <c>z_*</c> stub, needs no verifier, and a user-mode call
    /// to it is an oops. Defaults to <see langword="true"/>.
    /// </summary>
    public bool Implemented { get; set; } = true;
}
