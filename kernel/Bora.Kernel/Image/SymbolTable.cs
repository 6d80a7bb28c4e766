namespace Bora.Kernel.Image;

/// <summary>
/// The image's text symbols. Every thread entry and callable function gets an address in text so that
/// starting a thread, calling through a function address and returning from an exception can check
/// an instruction fetch there, and fault reports can name the code.
/// </summary>
public sealed class SymbolTable
{
    private readonly List<Symbol> _byAddress = [];
    private readonly Dictionary<string, Symbol> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Delegate, Symbol> _byDelegate = [];
    private readonly Dictionary<uint, Delegate> _targets = [];
    private readonly MemoryArea _text;
    private readonly uint _functionBytes;

    internal SymbolTable(MemoryArea text, uint functionBytes)
    {
        _text = text;
        _functionBytes = functionBytes;
    }

    /// <summary>All symbols, by address.</summary>
    public IReadOnlyList<Symbol> Symbols => _byAddress;

    /// <summary>The symbol named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public Symbol? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The symbol whose text holds <paramref name="address"/>, or <see langword="null"/>.</summary>
    public Symbol? At(uint address)
    {
        int lo = 0, hi = _byAddress.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            Symbol s = _byAddress[mid];
            if (address < s.Address)
            {
                hi = mid - 1;
            }
            else if (address >= s.Address + s.Size)
            {
                lo = mid + 1;
            }
            else
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>Describes <paramref name="address"/> as <c>symbol+offset</c>, or the bare address.</summary>
    public string Describe(uint address) => At(address) is { } s
        ? (address == s.Address ? $"{s.Name} (0x{address:X8})" : $"{s.Name}+0x{address - s.Address:X} (0x{address:X8})")
        : $"0x{address:X8} (no symbol)";

    /// <summary>The C# code registered at <paramref name="address"/>, if any.</summary>
    internal Delegate? TargetAt(uint address) => _targets.GetValueOrDefault(address);

    /// <summary>Registers <paramref name="target"/> under <paramref name="name"/>, or returns its existing symbol.</summary>
    internal Symbol Register(string name, SymbolKind kind, Delegate? target)
    {
        if (target is not null && _byDelegate.TryGetValue(target, out Symbol? existing))
        {
            return existing;
        }

        string unique = name;
        for (int i = 2; _byName.ContainsKey(unique); i++)
        {
            unique = $"{name}.{i}";
        }

        uint address = _text.Allocate(_functionBytes, 4, $"symbol '{unique}'");
        var symbol = new Symbol(unique, address, _functionBytes, kind);
        _byAddress.Add(symbol);
        _byName.Add(unique, symbol);
        if (target is not null)
        {
            _byDelegate.Add(target, symbol);
            _targets.Add(address, target);
        }

        return symbol;
    }

    /// <summary>A readable symbol name for a delegate (its method name without compiler decoration).</summary>
    internal static string NameOf(Delegate target)
    {
        string name = target.Method.Name;
        int open = name.IndexOf('<', StringComparison.Ordinal);
        int close = name.IndexOf('>', StringComparison.Ordinal);
        if (open >= 0 && close > open)
        {
            string outer = name[(open + 1)..close];
            return outer.Length == 0 ? "lambda" : $"{outer}.lambda";
        }

        return name;
    }
}
