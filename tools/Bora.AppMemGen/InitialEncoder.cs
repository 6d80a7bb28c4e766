using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Bora.AppMemGen;

/// <summary>Turns an attribute's initial value into the little-endian bytes of the global.</summary>
internal static class InitialEncoder
{
    /// <summary>The bytes, or null and a reason.</summary>
    public static byte[]? Encode(TypedConstant value, ElementType element, bool isArray, out string error)
    {
        error = string.Empty;
        if (value.IsNull)
        {
            error = "null is not a value; use K_APP_BMEM for a zero-initialised global";
            return null;
        }

        if (value.Kind == TypedConstantKind.Array)
        {
            if (!isArray)
            {
                error = "an array initialises an AppArray<T>, not an AppVar<T>";
                return null;
            }

            var bytes = new List<byte>();
            foreach (TypedConstant item in value.Values)
            {
                if (!Scalar(item.Value, element, bytes, out error))
                {
                    return null;
                }
            }

            return bytes.ToArray();
        }

        if (value.Value is string s)
        {
            if (!isArray || element.Size != 1 || element.Name == "bool")
            {
                error = "a string initialises an AppArray<byte> or AppArray<sbyte> (as a NUL-terminated C string)";
                return null;
            }

            byte[] text = Encoding.UTF8.GetBytes(s);
            byte[] withNul = new byte[text.Length + 1];
            Array.Copy(text, withNul, text.Length);
            return withNul;
        }

        if (isArray)
        {
            error = "an AppArray<T> takes an array of values (new T[] { ... }) or, for bytes, a string";
            return null;
        }

        var one = new List<byte>();
        return Scalar(value.Value, element, one, out error) ? one.ToArray() : null;
    }

    private static bool Scalar(object? value, ElementType element, List<byte> output, out string error)
    {
        error = string.Empty;
        if (element.Name == "bool")
        {
            if (value is bool b)
            {
                output.Add(b ? (byte)1 : (byte)0);
                return true;
            }

            error = $"'{Show(value)}' is not a bool";
            return false;
        }

        if (value is bool or null or string)
        {
            error = $"'{Show(value)}' is not an integer";
            return false;
        }

        if (value is float or double or decimal)
        {
            error = $"'{Show(value)}' is not an integer (app memory holds integers)";
            return false;
        }

        bool negative;
        ulong magnitude;
        if (value is ulong u)
        {
            negative = false;
            magnitude = u;
        }
        else
        {
            long v = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            negative = v < 0;
            magnitude = negative ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        }

        int bits = element.Size * 8;
        ulong max = element.Signed ? (1UL << (bits - 1)) - 1 : bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong minMagnitude = element.Signed ? 1UL << (bits - 1) : 0;
        if ((negative && magnitude > minMagnitude) || (!negative && magnitude > max))
        {
            error = $"{Show(value)} is out of range for {element.Name}";
            return false;
        }

        ulong raw = negative ? unchecked(0UL - magnitude) : magnitude;
        for (int i = 0; i < element.Size; i++)
        {
            output.Add((byte)(raw >> (8 * i)));
        }

        return true;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>An element type app memory can hold.</summary>
internal sealed record ElementType(string Name, int Size, bool Signed)
{
    public static ElementType? Of(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Byte => new ElementType("byte", 1, false),
        SpecialType.System_SByte => new ElementType("sbyte", 1, true),
        SpecialType.System_Int16 => new ElementType("short", 2, true),
        SpecialType.System_UInt16 => new ElementType("ushort", 2, false),
        SpecialType.System_Int32 => new ElementType("int", 4, true),
        SpecialType.System_UInt32 => new ElementType("uint", 4, false),
        SpecialType.System_Int64 => new ElementType("long", 8, true),
        SpecialType.System_UInt64 => new ElementType("ulong", 8, false),
        SpecialType.System_Boolean => new ElementType("bool", 1, false),
        _ => null,
    };
}
