using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Bora.SyscallGen;

/// <summary>Reads a [Syscall] method into a <see cref="SyscallModel"/>, reporting what cannot be marshalled.</summary>
internal static class DeclarationReader
{
    public const string AttributeMetadataName = "Bora.Kernel.Syscalls.SyscallAttribute";

    private static readonly Regex s_zephyrName = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly SymbolDisplayFormat s_shortFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>Reads one declaration; <paramref name="checkVerifier"/> is set in the kernel, where the verifier is visible.</summary>
    public static DeclarationResult Read(IMethodSymbol method, AttributeData attribute, bool checkVerifier)
    {
        string name = method.Name;
        bool implemented = true;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string given)
        {
            name = given;
        }

        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == "Implemented" && pair.Value.Value is bool value)
            {
                implemented = value;
            }
        }

        Location? location = method.Locations.FirstOrDefault();
        ImmutableArray<Diagnostic>.Builder diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        void Report(DiagnosticDescriptor descriptor, params object[] args) => diagnostics.Add(Diagnostic.Create(descriptor, location, args));

        if (!s_zephyrName.IsMatch(name))
        {
            Report(SyscallDiagnostics.InvalidName, name);
        }

        INamedTypeSymbol type = method.ContainingType;
        if (!IsSyscallHome(type))
        {
            Report(SyscallDiagnostics.DeclaringType, name, type.ToDisplayString());
        }

        if (!method.IsStatic || method.DeclaredAccessibility != Accessibility.Public)
        {
            Report(SyscallDiagnostics.NotPublicStatic, name);
        }

        if (method.IsGenericMethod)
        {
            Report(SyscallDiagnostics.GenericMethod, name);
        }

        ImmutableArray<ParameterModel>.Builder parameters = ImmutableArray.CreateBuilder<ParameterModel>();
        foreach (IParameterSymbol p in method.Parameters)
        {
            string? modifier = p.IsParams ? "params" : p.RefKind switch
            {
                RefKind.Ref => "ref",
                RefKind.Out => "out",
                RefKind.In => "in",
                RefKind.RefReadOnlyParameter => "ref readonly",
                _ => null,
            };
            if (modifier is not null)
            {
                Report(SyscallDiagnostics.ParameterModifier, p.Name, name, modifier);
                continue;
            }

            WordKind kind = TypeClassifier.Classify(p.Type, out string underlying);
            if (kind is WordKind.Unsupported or WordKind.Void)
            {
                Report(SyscallDiagnostics.UnsupportedParameterType, p.Name, name, p.Type.ToDisplayString(s_shortFormat));
                continue;
            }

            parameters.Add(new ParameterModel(p.Name, Qualified(p.Type), kind, underlying));
        }

        WordKind returnKind = TypeClassifier.Classify(method.ReturnType, out string returnUnderlying);
        if (returnKind is WordKind.Unsupported or WordKind.Timeout || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(SyscallDiagnostics.UnsupportedReturnType, name, method.ReturnType.ToDisplayString(s_shortFormat));
        }

        var model = new SyscallModel(
            name,
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            method.Name,
            implemented,
            Qualified(method.ReturnType),
            returnKind,
            returnUnderlying,
            new EquatableArray<ParameterModel>(parameters.ToImmutable()));

        if (diagnostics.Count == 0 && model.WordCount > SyscallDiagnostics.MaxWords)
        {
            Report(SyscallDiagnostics.TooManyWords, name, model.WordCount, SyscallDiagnostics.MaxWords);
        }

        if (checkVerifier && implemented && diagnostics.Count == 0)
        {
            CheckVerifier(method, name, Report);
        }

        return new DeclarationResult(
            name,
            type.Name + "." + method.Name,
            location,
            diagnostics.Count == 0 ? model : null,
            new EquatableArray<Diagnostic>(diagnostics.ToImmutable()));
    }

    /// <summary>A top-level, non-generic public static partial class (the partial modifier is checked in source only).</summary>
    private static bool IsSyscallHome(INamedTypeSymbol type)
    {
        if (type.ContainingType is not null || type.IsGenericType || !type.IsStatic || type.DeclaredAccessibility != Accessibility.Public)
        {
            return false;
        }

        return type.DeclaringSyntaxReferences.Length == 0 || type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.ValueText == "partial"));
    }

    private static void CheckVerifier(IMethodSymbol method, string name, System.Action<DiagnosticDescriptor, object[]> report)
    {
        string verifierName = "z_vrfy_" + name;
        string returnType = method.ReturnType.ToDisplayString(s_shortFormat);
        string parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(s_shortFormat) + " " + p.Name));
        IMethodSymbol[] candidates = method.ContainingType.GetMembers(verifierName).OfType<IMethodSymbol>().ToArray();
        if (candidates.Length == 0)
        {
            report(SyscallDiagnostics.MissingVerifier, [name, returnType, parameters, method.ContainingType.Name]);
            return;
        }

        if (!candidates.Any(v => Matches(method, v)))
        {
            report(SyscallDiagnostics.VerifierMismatch, [name, returnType, parameters]);
        }
    }

    private static bool Matches(IMethodSymbol method, IMethodSymbol verifier)
    {
        if (!verifier.IsStatic || verifier.IsGenericMethod || verifier.ReturnsByRef || verifier.ReturnsByRefReadonly ||
            !SymbolEqualityComparer.Default.Equals(verifier.ReturnType, method.ReturnType) ||
            verifier.Parameters.Length != method.Parameters.Length)
        {
            return false;
        }

        for (int i = 0; i < verifier.Parameters.Length; i++)
        {
            IParameterSymbol v = verifier.Parameters[i];
            if (v.RefKind != RefKind.None || v.IsParams || !SymbolEqualityComparer.Default.Equals(v.Type, method.Parameters[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    private static string Qualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
