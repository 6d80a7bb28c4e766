using System.Text.Json;
using Bora.Arch.X86;
using Bora.Hal;

namespace Bora.Vectors;

/// <summary>
/// Replays <c>x86-ia32-paging</c> vector files (QEMU <c>pc</c>, <c>-cpu max</c>) on the x86 paging model:
/// a fresh <c>pc</c> machine per configuration, its page tables written into RAM and its control
/// registers loaded, then every probe from a flushed TLB.
/// </summary>
public sealed class X86VectorArch : IVectorArch
{
    /// <summary>The meta line's <c>arch</c> for x86 files.</summary>
    public const string Name = "x86-ia32-paging";

    private const uint Cpuid1EdxPae = 1u << 6;

    /// <inheritdoc/>
    public string ArchName => Name;

    /// <inheritdoc/>
    public IVectorSession Open(JsonElement meta)
    {
        if (!meta.TryGetProperty("ram", out JsonElement ram) || ram.ValueKind != JsonValueKind.Array || ram.GetArrayLength() != 2)
        {
            throw new VectorFormatException("x86 meta line without 'ram': [start, end]");
        }

        ulong end = ram[1].GetUInt64();
        if (end <= ram[0].GetUInt64() || end > 0xC000_0000UL)
        {
            throw new VectorFormatException($"x86 meta line: unusable 'ram' [{ram[0]}, {ram[1]}]");
        }

        // MAXPHYADDR: without CPUID leaf 0x80000008 the SDM (§4.1.4) gives 36 when CPUID.01H:EDX.PAE is set,
        // 32 otherwise; QEMU's 32-bit -cpu max applies the same rule.
        int maxPhysicalAddressBits = 36;
        if (meta.TryGetProperty("cpuid", out JsonElement cpuid) && cpuid.TryGetProperty("leaf1_edx", out JsonElement edx))
        {
            maxPhysicalAddressBits = (edx.GetUInt32() & Cpuid1EdxPae) != 0 ? 36 : 32;
        }

        Board board = X86Boards.PcWithRam(end);
        return new X86VectorSession(board, maxPhysicalAddressBits);
    }
}
