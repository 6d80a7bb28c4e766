using System.Collections.Generic;

namespace Bora.SyscallGen;

/// <summary>Emits <c>SyscallDispatcher</c>: Zephyr's <c>_k_syscall_table</c> and the arch dispatch's bounds check.</summary>
internal static class DispatchEmitter
{
    private const string Context = "global::Bora.Kernel.Syscalls.ISyscallContext";

    public static string Emit(IReadOnlyList<SyscallModel> sorted)
    {
        SourceWriter w = SourceWriter.ForFile("Bora.Kernel.Syscalls");
        w.Line("/// <summary>The syscall gate's table: from an untrusted id and six words to the marshaller of one syscall.</summary>");
        w.Open("public static partial class SyscallDispatcher");
        w.Line("/// <summary>");
        w.Line("/// Serves one user-mode syscall: an id at or above <see cref=\"SyscallIds.K_SYSCALL_LIMIT\"/>, or");
        w.Line("/// <see cref=\"SyscallIds.K_SYSCALL_BAD\"/> itself, oopses naming the id; a declared but unbuilt syscall oopses");
        w.Line("/// naming it; otherwise the marshaller unpacks the words, runs the verifier between the trace hooks and");
        w.Line("/// returns the word for the first register.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"context\">The kernel's view of the calling thread.</param>");
        w.Line("/// <param name=\"id\">The untrusted syscall id.</param>");
        w.Line("/// <param name=\"arg0\">Argument word 0.</param>");
        w.Line("/// <param name=\"arg1\">Argument word 1.</param>");
        w.Line("/// <param name=\"arg2\">Argument word 2.</param>");
        w.Line("/// <param name=\"arg3\">Argument word 3.</param>");
        w.Line("/// <param name=\"arg4\">Argument word 4.</param>");
        w.Line("/// <param name=\"arg5\">Argument word 5, or the user address of words 5 onward when a syscall has more than six.</param>");
        w.Line("/// <returns>The result word (0 for void and 64-bit results, and after an oops).</returns>");
        w.Open($"public static uint Dispatch({Context} context, uint id, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        w.Open("switch (id)");
        foreach (SyscallModel s in sorted)
        {
            w.Line($"case SyscallIds.{s.IdName}:");
            if (s.Implemented)
            {
                w.Open(string.Empty);
                w.Line($"context.TraceEnter(id, \"{s.Name}\");");
                w.Line($"uint result = {s.DeclaringType}.z_mrsh_{s.Name}(context, arg0, arg1, arg2, arg3, arg4, arg5);");
                w.Line($"context.TraceExit(id, \"{s.Name}\", result);");
                w.Line("return result;");
                w.Close();
            }
            else
            {
                w.Line($"    return NoSyscall(context, id, \"{s.Name}\");");
            }
        }

        w.Line("default:");
        w.Line("    return BadSyscall(context, id);");
        w.Close();
        w.Close().Line();

        w.Open($"private static uint NoSyscall({Context} context, uint id, string name)");
        w.Line("context.Oops($\"Unimplemented system call {name} (id {id})\");");
        w.Line("return 0u;");
        w.Close().Line();
        w.Open($"private static uint BadSyscall({Context} context, uint id)");
        w.Line("context.Oops($\"Bad system call id {id} invoked\");");
        w.Line("return 0u;");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
