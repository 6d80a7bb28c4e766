using Bora.SyscallGen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Bora.AppMemGen;

/// <summary>Reads partition and global declarations into models and diagnostics.</summary>
internal static class DeclarationReader
{
    public const string Namespace = "Bora.Kernel.AppMemory";
    public const string PartitionAttribute = Namespace + ".K_APPMEM_PARTITION_DEFINEAttribute";
    public const string DmemAttribute = Namespace + ".K_APP_DMEMAttribute";
    public const string BmemAttribute = Namespace + ".K_APP_BMEMAttribute";
    public const string DataAttribute = Namespace + ".AppDataAttribute";
    public const string BssAttribute = Namespace + ".AppBssAttribute";
    public const string LibraryAttribute = Namespace + ".AppMemoryLibraryAttribute";
    public const string ManifestAttribute = Namespace + ".AppMemoryManifestAttribute";

    /// <summary>The global attributes, in the order a property carrying several reports them.</summary>
    public static readonly string[] GlobalAttributes = [DmemAttribute, BmemAttribute, DataAttribute, BssAttribute];

    private static readonly Regex s_identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static bool IsIdentifier(string? name) => name is not null && s_identifier.IsMatch(name);

    /// <summary>The partition names of one K_APPMEM_PARTITION_DEFINE.</summary>
    public static ReadResult ReadPartitions(INamedTypeSymbol type, AttributeData attribute)
    {
        var diagnostics = new List<Diagnostic>();
        Location? location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? type.Locations.FirstOrDefault();
        List<string> names = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? [.. attribute.ConstructorArguments[0].Values.Select(v => v.Value as string ?? string.Empty)]
            : [];
        ContainerModel? container = Container(type, out string? problem);
        if (container is null)
        {
            diagnostics.Add(Diagnostic.Create(AppMemDiagnostics.BadContainer, location, type.ToDisplayString(), problem, string.Join(", ", names)));
            return ReadResult.None with { Diagnostics = new(diagnostics.ToImmutableArray()) };
        }

        if (names.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(AppMemDiagnostics.BadPartitionName, location, string.Empty, "is missing: K_APPMEM_PARTITION_DEFINE needs at least one name"));
        }

        var models = new List<PartitionModel>();
        foreach (string name in names)
        {
            if (!IsIdentifier(name))
            {
                diagnostics.Add(Diagnostic.Create(AppMemDiagnostics.BadPartitionName, location, name, "is not a C identifier (letters, digits and '_', not starting with a digit)"));
                continue;
            }

            models.Add(new PartitionModel(name, container, Order(location)));
        }

        return new ReadResult(new(models.ToImmutableArray()), null, null, new(diagnostics.ToImmutableArray()));
    }

    /// <summary>One app global, read through the attribute <paramref name="attribute"/> (of metadata name <paramref name="kind"/>).</summary>
    public static ReadResult ReadGlobal(IPropertySymbol property, AttributeData attribute, string kind)
    {
        Location? location = property.Locations.FirstOrDefault();
        List<AttributeData> all = [.. property.GetAttributes().Where(a => GlobalAttributes.Contains(a.AttributeClass?.ToDisplayString()))];
        string first = GlobalAttributes.First(k => all.Any(a => a.AttributeClass?.ToDisplayString() == k));
        if (first != kind)
        {
            return ReadResult.None;
        }

        if (all.Count > 1)
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.SeveralAttributes, location, property.Name, string.Join(", ", all.Select(a => a.AttributeClass!.Name.Replace("Attribute", string.Empty)))));
        }

        ContainerModel? container = Container(property.ContainingType, out string? problem);
        if (container is null)
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.BadContainer, location, property.ContainingType.ToDisplayString(), problem, property.Name));
        }

        if (!property.IsStatic || !property.IsPartialDefinition || property.PartialImplementationPart is not null || property.SetMethod is not null
            || property.GetMethod is null || property.ReturnsByRef || property.ReturnsByRefReadonly || property.IsIndexer)
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.NotStaticPartialGetter, location, property.Name));
        }

        if (property.Type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != Namespace
            || (named.Name != "AppVar" && named.Name != "AppArray")
            || ElementType.Of(named.TypeArguments[0]) is not { } element)
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.UnsupportedType, location, property.Name, property.Type.ToDisplayString()));
        }

        bool isArray = named.Name == "AppArray";
        bool initialised = kind == DmemAttribute || kind == DataAttribute;
        bool tagged = kind == DmemAttribute || kind == BmemAttribute;
        string? partition = tagged ? attribute.ConstructorArguments[0].Value as string : null;
        int length = Named(attribute, "Length");
        int align = Named(attribute, "Align");

        byte[]? initial = null;
        if (initialised)
        {
            TypedConstant value = attribute.ConstructorArguments[tagged ? 1 : 0];
            initial = InitialEncoder.Encode(value, element, isArray, out string error);
            if (initial is null)
            {
                return Fail(Diagnostic.Create(AppMemDiagnostics.BadInitialValue, location, property.Name, named.ToDisplayString(), error));
            }
        }

        uint size;
        if (isArray)
        {
            int fromInitial = initial is null ? 0 : initial.Length / element.Size;
            int count = length == 0 ? fromInitial : length;
            string? lengthProblem = length < 0 ? $"Length = {length} is negative"
                : count == 0 ? (initialised ? "the initial value is empty; give Length or at least one element" : "an AppArray<T> in BSS needs Length = n (n > 0)")
                : count < fromInitial ? $"Length = {length} is smaller than the {fromInitial} initial elements"
                : (long)count * element.Size > int.MaxValue ? $"{count} elements of {element.Name} exceed 2 GiB"
                : null;
            if (lengthProblem is not null)
            {
                return Fail(Diagnostic.Create(AppMemDiagnostics.BadLength, location, property.Name, lengthProblem));
            }

            size = (uint)(count * element.Size);
        }
        else
        {
            if (length != 0)
            {
                return Fail(Diagnostic.Create(AppMemDiagnostics.BadLength, location, property.Name, "Length applies to AppArray<T> only; an AppVar<T> holds one element"));
            }

            size = (uint)element.Size;
        }

        if (align != 0 && (align < element.Size || (align & (align - 1)) != 0))
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.BadAlignment, location, property.Name, align, element.Size));
        }

        if (tagged && !IsIdentifier(partition))
        {
            return Fail(Diagnostic.Create(AppMemDiagnostics.BadPartitionName, location, partition ?? "null", "is not a C identifier (letters, digits and '_', not starting with a digit)"));
        }

        var model = new GlobalModel(
            property.Name,
            Accessibility(property.DeclaredAccessibility),
            property.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            container,
            partition,
            size,
            align == 0 ? (uint)element.Size : (uint)align,
            initial is null ? null : new EquatableArray<byte>(initial.ToImmutableArray()),
            Order(location));
        Location? reference = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? location;
        return new ReadResult(default, model, reference, default);
    }

    /// <summary>The container model, or null and what is wrong with it.</summary>
    public static ContainerModel? Container(INamedTypeSymbol type, out string? problem)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (t.TypeKind != TypeKind.Class || t.IsRecord || t.IsGenericType || !partial)
            {
                problem = SymbolEqualityComparer.Default.Equals(t, type) ? string.Empty : $" ('{t.ToDisplayString()}' is not)";
                return null;
            }

            names.Insert(0, t.Name);
        }

        problem = null;
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        return new ContainerModel(ns, new EquatableArray<string>(names.ToImmutableArray()));
    }

    private static ReadResult Fail(Diagnostic diagnostic) =>
        ReadResult.None with { Diagnostics = new(ImmutableArray.Create(diagnostic)) };

    private static int Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.Key == name).Select(a => a.Value.Value is int i ? i : 0).FirstOrDefault();

    private static SourceOrder Order(Location? location) =>
        new(location?.SourceTree?.FilePath ?? string.Empty, location?.SourceSpan.Start ?? 0);

    private static string Accessibility(Accessibility a) => a switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
