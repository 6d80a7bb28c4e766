using Microsoft.CodeAnalysis;

namespace Bora.AppMemGen;

/// <summary>Every error Bora.AppMemGen reports; each says what to change.</summary>
internal static class AppMemDiagnostics
{
    private const string Category = "Bora.AppMemGen";

    public static readonly DiagnosticDescriptor NotStaticPartialGetter = Error(
        "BORAMEM001",
        "App global is not a static partial get-only property",
        "App global '{0}' must be declared 'static partial' with a 'get;' accessor only and no body (Bora.AppMemGen implements it): e.g. 'public static partial AppVar<int> {0} {{ get; }}'");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "BORAMEM002",
        "App global has an unsupported type",
        "App global '{0}' has type '{1}'; declare it AppVar<T> or AppArray<T> with T one of byte, sbyte, short, ushort, int, uint, long, ulong, bool (plain C# statics stay on the managed heap and are not app memory)");

    public static readonly DiagnosticDescriptor BadInitialValue = Error(
        "BORAMEM003",
        "App global's initial value does not fit its type",
        "Initial value of app global '{0}' cannot be stored as {1}: {2}");

    public static readonly DiagnosticDescriptor BadLength = Error(
        "BORAMEM004",
        "App global's length is missing or wrong",
        "App global '{0}': {1}");

    public static readonly DiagnosticDescriptor BadAlignment = Error(
        "BORAMEM005",
        "App global's alignment is not valid",
        "App global '{0}': Align = {1} must be a power of two no smaller than the element's natural alignment ({2}), or 0 for natural alignment");

    public static readonly DiagnosticDescriptor UnknownPartition = Error(
        "BORAMEM006",
        "App global names a partition nobody declares",
        "{0} names partition '{1}', which neither this assembly nor a referenced one declares; add [K_APPMEM_PARTITION_DEFINE(\"{1}\")] to a static partial class");

    public static readonly DiagnosticDescriptor BadPartitionName = Error(
        "BORAMEM007",
        "Partition name is not valid or is declared twice",
        "Partition '{0}' {1}");

    public static readonly DiagnosticDescriptor UntaggedWithoutLibrary = Error(
        "BORAMEM008",
        "Untagged app global in an assembly with no library partition",
        "App global '{0}' is untagged ([AppData]/[AppBss]) but assembly '{1}' has no [assembly: AppMemoryLibrary(\"partition\")]; route the assembly to a partition or tag the global with K_APP_DMEM/K_APP_BMEM");

    public static readonly DiagnosticDescriptor BadContainer = Error(
        "BORAMEM009",
        "Declaring type cannot hold generated members",
        "'{0}' must be a non-generic partial class{1} (and so must every type containing it) so that Bora.AppMemGen can add '{2}' to it");

    public static readonly DiagnosticDescriptor SeveralAttributes = Error(
        "BORAMEM010",
        "App global has more than one app-memory attribute",
        "App global '{0}' carries {1}; give it exactly one of K_APP_DMEM, K_APP_BMEM, AppData, AppBss");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
