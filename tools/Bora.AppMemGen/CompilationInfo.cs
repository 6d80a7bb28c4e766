using Bora.SyscallGen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Bora.AppMemGen;

/// <summary>What the whole compilation says: the assembly, its library route, and the partitions referenced assemblies declare.</summary>
internal sealed record CompilationInfo(
    bool HasAttributes,
    string AssemblyName,
    string? LibraryPartition,
    Location? LibraryLocation,
    EquatableArray<string> ReferencedPartitions)
{
    public static CompilationInfo Read(Compilation compilation)
    {
        INamedTypeSymbol? partitionAttribute = compilation.GetTypeByMetadataName(DeclarationReader.PartitionAttribute);
        if (partitionAttribute is null)
        {
            return new CompilationInfo(false, string.Empty, null, null, default);
        }

        AttributeData? route = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DeclarationReader.LibraryAttribute);
        string? library = route is { ConstructorArguments.Length: 1 } ? route.ConstructorArguments[0].Value as string : null;
        Location? where = route?.ApplicationSyntaxReference?.GetSyntax().GetLocation();

        var referenced = new List<string>();
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DeclarationReader.ManifestAttribute))
            {
                Collect(assembly.GlobalNamespace, partitionAttribute, referenced);
            }
        }

        referenced.Sort(System.StringComparer.Ordinal);
        return new CompilationInfo(true, compilation.AssemblyName ?? "app", library, where, new(referenced.ToImmutableArray()));
    }

    private static void Collect(INamespaceSymbol ns, INamedTypeSymbol attribute, List<string> names)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            CollectType(type, attribute, names);
        }

        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            Collect(child, attribute, names);
        }
    }

    private static void CollectType(INamedTypeSymbol type, INamedTypeSymbol attribute, List<string> names)
    {
        foreach (AttributeData a in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Kind == TypedConstantKind.Array)
            {
                names.AddRange(a.ConstructorArguments[0].Values.Select(v => v.Value as string).Where(DeclarationReader.IsIdentifier)!);
            }
        }

        foreach (INamedTypeSymbol nested in type.GetTypeMembers())
        {
            CollectType(nested, attribute, names);
        }
    }
}
