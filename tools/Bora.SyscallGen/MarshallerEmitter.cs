using System.Collections.Generic;
using System.Globalization;

namespace Bora.SyscallGen;

/// <summary>Emits the <c>z_mrsh_&lt;name&gt;</c> marshallers into the partial class that declares the syscalls.</summary>
internal static class MarshallerEmitter
{
    public static string Emit(string @namespace, string typeName, IReadOnlyList<SyscallModel> syscalls)
    {
        SourceWriter w = SourceWriter.ForFile(@namespace);
        w.Open($"static partial class {typeName}");
        w.Each(syscalls, EmitOne);

        w.Close();
        return w.ToString();
    }

    private static void EmitOne(SourceWriter w, SyscallModel s)
    {
        int total = s.WordCount;
        w.Line($"/// <summary>The marshaller of <c>{s.Name}</c>: {total} word(s) to arguments, then <c>z_vrfy_{s.Name}</c>.</summary>");
        w.Open($"internal static uint z_mrsh_{s.Name}(global::Bora.Kernel.Syscalls.ISyscallContext context, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5)");
        w.Open("unchecked");
        if (total > 6)
        {
            w.Line($"global::System.Span<uint> more = stackalloc uint[{Number(total - 5)}];");
            w.Line("context.ReadUserWords(arg5, more);");
        }

        int word = 0;
        var arguments = new List<string>();
        for (int i = 0; i < s.Parameters.Count; i++)
        {
            ParameterModel p = s.Parameters[i];
            string local = "p" + Number(i);
            arguments.Add(local);
            switch (p.Kind)
            {
                case WordKind.Timeout:
                    string lo = Word(word, total), hi = Word(word + 1, total);
                    w.Open($"if (!global::Bora.Kernel.Syscalls.SyscallWords.TryToTimeout({lo}, {hi}, out {p.Type} {local}))");
                    w.Line($"context.Oops($\"{s.Name}: argument {p.Name} (0x{{{hi}:X8}}{{{lo}:X8}}) is not a k_timeout_t\");");
                    w.Line("return 0u;");
                    w.Close();
                    break;
                case WordKind.Int64:
                case WordKind.UInt64:
                    w.Line($"{p.Type} {local} = {WordCodec.FromImage(p.Type, WordCodec.Join(Word(word, total), Word(word + 1, total)))};");
                    break;
                default:
                    w.Line($"{p.Type} {local} = {WordCodec.FromWord(p.Kind, p.Type, p.EnumUnderlying, Word(word, total))};");
                    break;
            }

            word += p.Words;
        }

        string call = $"z_vrfy_{s.Name}({string.Join(", ", arguments)})";
        if (s.ReturnKind == WordKind.Void)
        {
            w.Line(call + ";");
            w.Line("return 0u;");
        }
        else if (s.ReturnsThroughPointer)
        {
            w.Line($"{s.ReturnType} ret = {call};");
            w.Line($"context.WriteUserUInt64({Word(total - 1, total)}, (ulong)ret);");
            w.Line("return 0u;");
        }
        else
        {
            w.Line($"{s.ReturnType} ret = {call};");
            w.Line($"return {WordCodec.ToWord(s.ReturnKind, s.ReturnType, s.ReturnEnumUnderlying, "ret")};");
        }

        w.Close();
        w.Close();
    }

    // Zephyr's mrsh_rval: with more than six words, words 5 onward come from the array arg5 points at.
    private static string Word(int index, int total) =>
        index < 5 || total <= 6 ? "arg" + Number(index) : $"more[{Number(index - 5)}]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
