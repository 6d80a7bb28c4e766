using System.Linq;
using Microsoft.CodeAnalysis;

namespace Bora.SyscallGen;

/// <summary>Decides how a type marshals into words.</summary>
internal static class TypeClassifier
{
    public const string TimeoutMetadataName = "Bora.Abi.KTimeout";

    public static WordKind Classify(ITypeSymbol type, out string enumUnderlying)
    {
        enumUnderlying = string.Empty;
        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
                return WordKind.Void;
            case SpecialType.System_Int32:
            case SpecialType.System_Int16:
            case SpecialType.System_SByte:
                return WordKind.Signed;
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt16:
            case SpecialType.System_Byte:
                return WordKind.Unsigned;
            case SpecialType.System_Boolean:
                return WordKind.Bool;
            case SpecialType.System_Int64:
                return WordKind.Int64;
            case SpecialType.System_UInt64:
                return WordKind.UInt64;
        }

        if (type is not INamedTypeSymbol named || named.IsGenericType || type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            return WordKind.Unsupported;
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return named.EnumUnderlyingType is { SpecialType: not (SpecialType.System_Int64 or SpecialType.System_UInt64) } underlying
                ? Enum(underlying, out enumUnderlying)
                : WordKind.Unsupported;
        }

        if (named.TypeKind != TypeKind.Struct)
        {
            return WordKind.Unsupported;
        }

        if (named.ToDisplayString() == TimeoutMetadataName)
        {
            return WordKind.Timeout;
        }

        return IsAddressStruct(named) ? WordKind.Address : WordKind.Unsupported;
    }

    private static WordKind Enum(INamedTypeSymbol underlying, out string enumUnderlying)
    {
        enumUnderlying = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return WordKind.Enum;
    }

    // The shape of UserPtr and of every Bora.Abi handle: readonly record struct X(uint Address).
    private static bool IsAddressStruct(INamedTypeSymbol type)
    {
        bool hasAddress = type.GetMembers("Address").OfType<IPropertySymbol>().Any(p =>
            !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.GetMethod is not null &&
            p.Type.SpecialType == SpecialType.System_UInt32);
        bool hasConstructor = type.InstanceConstructors.Any(c =>
            c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 &&
            c.Parameters[0].Type.SpecialType == SpecialType.System_UInt32 && c.Parameters[0].RefKind == RefKind.None);
        return hasAddress && hasConstructor;
    }
}
