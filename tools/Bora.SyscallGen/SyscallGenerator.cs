using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Bora.SyscallGen;

/// <summary>
/// Bora's <c>gen_syscalls.py</c>. In the compilation that defines <c>Bora.Kernel.Syscalls.SyscallAttribute</c>
/// (Bora.Kernel) it emits the id table, the dispatcher and the marshallers and reports every declaration it
/// cannot marshal; in a compilation that references it (Bora.Userspace) it emits the <c>z_*</c> stubs from the
/// referenced assembly's metadata.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SyscallGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<bool> isKernel = context.CompilationProvider.Select(static (c, _) =>
            c.Assembly.GetTypeByMetadataName(DeclarationReader.AttributeMetadataName) is not null);

        IncrementalValueProvider<ImmutableArray<DeclarationResult>> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, _) => DeclarationReader.Read((IMethodSymbol)ctx.TargetSymbol, ctx.Attributes[0], checkVerifier: true))
            .Collect();

        context.RegisterSourceOutput(declarations.Combine(isKernel), static (spc, input) =>
        {
            if (input.Right)
            {
                EmitKernel(spc, input.Left);
            }
        });

        IncrementalValueProvider<EquatableArray<SyscallModel>?> referenced = context.CompilationProvider.Select(static (c, _) => ReadReferenced(c));
        context.RegisterSourceOutput(referenced, static (spc, models) =>
        {
            if (models is { } sorted)
            {
                spc.AddSource("Z.Syscalls.g.cs", Text(StubEmitter.Emit(sorted.Items)));
            }
        });
    }

    private static void EmitKernel(SourceProductionContext spc, ImmutableArray<DeclarationResult> declarations)
    {
        var byName = new Dictionary<string, DeclarationResult>(StringComparer.Ordinal);
        var valid = new List<SyscallModel>();
        foreach (DeclarationResult d in declarations.OrderBy(d => d.Location?.SourceTree?.FilePath, StringComparer.Ordinal)
                     .ThenBy(d => d.Location?.SourceSpan.Start))
        {
            foreach (Diagnostic diagnostic in d.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic);
            }

            if (byName.TryGetValue(d.Name, out DeclarationResult? first))
            {
                spc.ReportDiagnostic(Diagnostic.Create(SyscallDiagnostics.DuplicateName, d.Location, d.Name, first.Display, d.Name.ToUpperInvariant()));
                continue;
            }

            byName.Add(d.Name, d);
            if (d.Model is { } model)
            {
                valid.Add(model);
            }
        }

        List<SyscallModel> sorted = Sort(valid);
        spc.AddSource("SyscallIds.g.cs", Text(IdTableEmitter.Emit(sorted)));
        spc.AddSource("SyscallDispatcher.g.cs", Text(DispatchEmitter.Emit(sorted)));
        foreach (var group in sorted.Where(s => s.Implemented).GroupBy(s => (s.DeclaringNamespace, s.DeclaringTypeName)))
        {
            string prefix = group.Key.DeclaringNamespace.Length == 0 ? string.Empty : group.Key.DeclaringNamespace + ".";
            spc.AddSource($"{prefix}{group.Key.DeclaringTypeName}.Syscalls.g.cs",
                Text(MarshallerEmitter.Emit(group.Key.DeclaringNamespace, group.Key.DeclaringTypeName, group.ToList())));
        }
    }

    /// <summary>The valid declarations of the referenced assembly that defines the attribute, or null when there is none.</summary>
    private static EquatableArray<SyscallModel>? ReadReferenced(Compilation compilation)
    {
        INamedTypeSymbol? attribute = compilation.GetTypeByMetadataName(DeclarationReader.AttributeMetadataName);
        if (attribute is null || SymbolEqualityComparer.Default.Equals(attribute.ContainingAssembly, compilation.Assembly))
        {
            return null;
        }

        var models = new List<SyscallModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (INamedTypeSymbol type in Types(attribute.ContainingAssembly.GlobalNamespace))
        {
            foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
            {
                AttributeData? data = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                if (data is not null && DeclarationReader.Read(method, data, checkVerifier: false) is { Model: { } model } && seen.Add(model.Name))
                {
                    models.Add(model);
                }
            }
        }

        return new EquatableArray<SyscallModel>(Sort(models).ToImmutableArray());
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            if (type.IsStatic && type.DeclaredAccessibility == Accessibility.Public)
            {
                yield return type;
            }
        }

        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            foreach (INamedTypeSymbol type in Types(child))
            {
                yield return type;
            }
        }
    }

    // gen_syscalls.py sorts the K_SYSCALL_* names, so '_' sorts after the letters.
    private static List<SyscallModel> Sort(IEnumerable<SyscallModel> models) =>
        models.OrderBy(m => m.IdName, StringComparer.Ordinal).ToList();

    private static SourceText Text(string source) => SourceText.From(source, Encoding.UTF8);
}
