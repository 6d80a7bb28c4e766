using System.Collections.Generic;
using System.Globalization;

namespace Bora.SyscallGen;

/// <summary>Emits <c>SyscallIds</c>: Zephyr's <c>syscall_list.h</c>.</summary>
internal static class IdTableEmitter
{
    public static string Emit(IReadOnlyList<SyscallModel> sorted)
    {
        SourceWriter w = SourceWriter.ForFile("Bora.Kernel.Syscalls");
        w.Line("/// <summary>");
        w.Line("/// The syscall ids (Zephyr's <c>syscall_list.h</c>): declarations in ordinal order of their id names from 0,");
        w.Line("/// then <c>K_SYSCALL_BAD</c> and <c>K_SYSCALL_LIMIT</c>.");
        w.Line("/// </summary>");
        w.Open("public static partial class SyscallIds");
        for (int i = 0; i < sorted.Count; i++)
        {
            SyscallModel s = sorted[i];
            string what = s.Implemented ? string.Empty : " (declared, not built: a user-mode call oopses)";
            w.Line($"/// <summary>The id of <c>{s.Name}</c>{what}.</summary>");
            w.Line($"public const uint {s.IdName} = {Number(i)};").Line();
        }

        w.Line("/// <summary><c>K_SYSCALL_BAD</c>: the slot of <c>handler_bad_syscall</c>, where every id at or above the limit lands.</summary>");
        w.Line($"public const uint K_SYSCALL_BAD = {Number(sorted.Count)};").Line();
        w.Line("/// <summary><c>K_SYSCALL_LIMIT</c>: the first id that is not a table slot.</summary>");
        w.Line($"public const uint K_SYSCALL_LIMIT = {Number(sorted.Count + 1)};").Line();
        w.Line("/// <summary>The name of syscall <paramref name=\"id\"/>, or <see langword=\"null\"/> for <c>K_SYSCALL_BAD</c> and ids at or above the limit.</summary>");
        w.Line("/// <param name=\"id\">The id.</param>");
        w.Line("/// <returns>The Zephyr name, e.g. <c>k_sem_take</c>.</returns>");
        w.Open("public static string? NameOf(uint id) => id switch");
        foreach (SyscallModel s in sorted)
        {
            w.Line($"{s.IdName} => \"{s.Name}\",");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Close();
        return w.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
