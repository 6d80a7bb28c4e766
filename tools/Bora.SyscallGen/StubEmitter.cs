using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Bora.SyscallGen;

/// <summary>Emits the <c>z_*</c> stubs of Bora.Userspace (Zephyr's generated <c>syscalls/&lt;header&gt;.h</c> invocations).</summary>
internal static class StubEmitter
{
    private const string Ids = "global::Bora.Kernel.Syscalls.SyscallIds";

    public static string Emit(IReadOnlyList<SyscallModel> sorted)
    {
        SourceWriter w = SourceWriter.ForFile("Bora.Userspace");
        w.Line("/// <summary>");
        w.Line("/// The user API (<c>using static Bora.Userspace.Z;</c>): one <c>z_*</c> per kernel syscall. From user mode a call traps");
        w.Line("/// into the kernel's syscall gate; from supervisor mode it calls the implementation directly, unchecked.");
        w.Line("/// </summary>");
        w.Open("public static partial class Z");
        w.Each(sorted, EmitOne);

        w.Close();
        return w.ToString();
    }

    private static void EmitOne(SourceWriter w, SyscallModel s)
    {
        string parameters = string.Join(", ", s.Parameters.Select(p => $"{p.Type} {Identifier(p.Name)}"));
        string arguments = string.Join(", ", s.Parameters.Select(p => Identifier(p.Name)));
        bool isVoid = s.ReturnKind == WordKind.Void;
        string returnType = isVoid ? "void" : s.ReturnType;
        string what = s.Implemented ? string.Empty : " It is declared but not built in the kernel: from user mode it oopses.";
        w.Line($"/// <summary><c>{s.Name}</c> from any mode (id <see cref=\"{Ids}.{s.IdName}\"/>).{what}</summary>");
        w.Open($"public static {returnType} {s.StubName}({parameters})");
        w.Line("global::Bora.Kernel.Syscalls.IUserTrap? syscallTrap = global::Bora.Kernel.Syscalls.UserTrap.Current;");
        w.Open("if (syscallTrap is null)");
        string direct = $"{s.DeclaringType}.{Identifier(s.MethodName)}({arguments})";
        if (isVoid)
        {
            w.Line(direct + ";");
            w.Line("return;");
        }
        else
        {
            w.Line($"return {direct};");
        }

        w.Close().Line();
        w.Open("unchecked");
        var words = new List<string>();
        for (int i = 0; i < s.Parameters.Count; i++)
        {
            ParameterModel p = s.Parameters[i];
            if (p.Words == 2)
            {
                string image = "syscallImage" + Number(i);
                w.Line($"ulong {image} = {WordCodec.ToImage(p.Kind, Identifier(p.Name))};");
                words.Add($"(uint){image}");
                words.Add($"(uint)({image} >> 32)");
            }
            else
            {
                words.Add(WordCodec.ToWord(p.Kind, p.Type, p.EnumUnderlying, Identifier(p.Name)));
            }
        }

        int pushed = 0;
        if (s.ReturnsThroughPointer)
        {
            w.Line("uint syscallRet64 = syscallTrap.PushWords([0u, 0u]);");
            words.Add("syscallRet64");
            pushed += 2;
        }

        if (words.Count > 6)
        {
            w.Line($"uint syscallMore = syscallTrap.PushWords([{string.Join(", ", words.Skip(5))}]);");
            pushed += words.Count - 5;
            words.RemoveRange(5, words.Count - 5);
            words.Add("syscallMore");
        }

        while (words.Count < 6)
        {
            words.Add("0u");
        }

        string invoke = $"syscallTrap.Invoke({Ids}.{s.IdName}, {string.Join(", ", words)})";
        if (pushed > 0)
        {
            w.Open("try");
        }

        if (isVoid)
        {
            w.Line(invoke + ";");
        }
        else if (s.ReturnsThroughPointer)
        {
            w.Line(invoke + ";");
            w.Line($"return ({s.ReturnType})syscallTrap.ReadUInt64(syscallRet64);");
        }
        else
        {
            w.Line($"return {WordCodec.FromWord(s.ReturnKind, s.ReturnType, s.ReturnEnumUnderlying, invoke)};");
        }

        if (pushed > 0)
        {
            w.Close();
            w.Open("finally");
            w.Line($"syscallTrap.PopWords({Number(pushed)});");
            w.Close();
        }

        w.Close();
        w.Close();
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
