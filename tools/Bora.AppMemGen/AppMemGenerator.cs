using Bora.SyscallGen;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Bora.AppMemGen;

/// <summary>
/// Bora's <c>gen_app_partitions.py</c>, build half: reads <c>K_APPMEM_PARTITION_DEFINE</c>, <c>K_APP_DMEM</c>,
/// <c>K_APP_BMEM</c> and the untagged library globals (<c>AppData</c>, <c>AppBss</c>) and emits declarations only —
/// each global's name, size, alignment, initial bytes and partition or library — in one manifest per assembly, plus
/// the typed accessors (the partial properties) and the partition handles. Layout happens at boot, per board.
/// Every declaration it cannot serve is a compile error.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AppMemGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<ReadResult>> partitions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.PartitionAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => ctx.Attributes.Select(a => DeclarationReader.ReadPartitions((INamedTypeSymbol)ctx.TargetSymbol, a)).ToImmutableArray())
            .SelectMany(static (r, _) => r)
            .Collect();

        IncrementalValueProvider<ImmutableArray<ReadResult>> globals = Globals(context, DeclarationReader.DmemAttribute)
            .Combine(Globals(context, DeclarationReader.BmemAttribute))
            .Combine(Globals(context, DeclarationReader.DataAttribute).Combine(Globals(context, DeclarationReader.BssAttribute)))
            .Select(static (x, _) => x.Left.Left.AddRange(x.Left.Right).AddRange(x.Right.Left).AddRange(x.Right.Right));

        IncrementalValueProvider<CompilationInfo> info = context.CompilationProvider.Select(static (c, _) => CompilationInfo.Read(c));

        context.RegisterSourceOutput(partitions.Combine(globals).Combine(info), static (spc, input) =>
            Emit(spc, input.Left.Left, input.Left.Right, input.Right));
    }

    private static IncrementalValueProvider<ImmutableArray<ReadResult>> Globals(IncrementalGeneratorInitializationContext context, string attribute) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is PropertyDeclarationSyntax,
                (ctx, _) => DeclarationReader.ReadGlobal((IPropertySymbol)ctx.TargetSymbol, ctx.Attributes[0], attribute))
            .Collect();

    private static void Emit(SourceProductionContext spc, ImmutableArray<ReadResult> partitionResults, ImmutableArray<ReadResult> globalResults, CompilationInfo info)
    {
        foreach (Diagnostic d in partitionResults.Concat(globalResults).SelectMany(r => r.Diagnostics))
        {
            spc.ReportDiagnostic(d);
        }

        if (!info.HasAttributes)
        {
            return;
        }

        var partitions = new List<PartitionModel>();
        var locations = new Dictionary<PartitionModel, Location?>();
        foreach (ReadResult r in partitionResults.OrderBy(r => r.Partitions.Count == 0 ? null : r.Partitions[0].Order))
        {
            foreach (PartitionModel p in r.Partitions)
            {
                if (partitions.FirstOrDefault(x => x.Name == p.Name) is { } first)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(AppMemDiagnostics.BadPartitionName, null, p.Name, $"is declared twice (first by {first.Container.Display}); partition names are global"));
                    continue;
                }

                if (info.ReferencedPartitions.Items.Contains(p.Name))
                {
                    spc.ReportDiagnostic(Diagnostic.Create(AppMemDiagnostics.BadPartitionName, null, p.Name, "is already declared by a referenced assembly; partition names are global"));
                    continue;
                }

                partitions.Add(p);
            }
        }

        bool Known(string name) => partitions.Any(p => p.Name == name) || info.ReferencedPartitions.Items.Contains(name);

        if (info.LibraryPartition is { } route && !Known(route))
        {
            spc.ReportDiagnostic(Diagnostic.Create(AppMemDiagnostics.UnknownPartition, info.LibraryLocation, "[assembly: AppMemoryLibrary]", route));
        }

        var globals = new List<GlobalModel>();
        foreach (ReadResult r in globalResults.Where(r => r.Global is not null).OrderBy(r => r.Global!.Order))
        {
            GlobalModel g = r.Global!;
            if (g.Partition is { } tag && !Known(tag))
            {
                spc.ReportDiagnostic(Diagnostic.Create(AppMemDiagnostics.UnknownPartition, r.PartitionReference, $"App global '{g.Name}'", tag));
                continue;
            }

            if (g.Partition is null && info.LibraryPartition is null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(AppMemDiagnostics.UntaggedWithoutLibrary, r.PartitionReference, g.Name, info.AssemblyName));
                continue;
            }

            globals.Add(g);
        }

        if (partitions.Count == 0 && globals.Count == 0 && info.LibraryPartition is null)
        {
            return;
        }

        spc.AddSource("AppMemory.Manifest.g.cs", Text(Emitter.Manifest(info.AssemblyName, info.LibraryPartition, partitions, globals)));
        var containers = partitions.Select(p => p.Container).Concat(globals.Select(g => g.Container)).Distinct().OrderBy(c => c.Display, StringComparer.Ordinal);
        foreach (ContainerModel c in containers)
        {
            List<(PartitionModel, int)> ps = [.. partitions.Select((p, i) => (p, i)).Where(x => x.p.Container == c)];
            List<(GlobalModel, int)> gs = [.. globals.Select((g, i) => (g, i)).Where(x => x.g.Container == c)];
            spc.AddSource($"{c.Display}.AppMemory.g.cs", Text(Emitter.Members(info.AssemblyName, c, ps, gs)));
        }
    }

    private static SourceText Text(string source) => SourceText.From(source, Encoding.UTF8);
}
