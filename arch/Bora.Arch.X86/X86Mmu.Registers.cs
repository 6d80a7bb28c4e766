using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>CR0, CR2, CR3, CR4 and IA32_EFER with their write semantics (SDM vol. 3A §2.5, §4.4.1, §4.10.4).</summary>
public sealed partial class X86Mmu : ISystemRegisters
{
    private readonly ulong[] _pdpte = new ulong[4];
    private uint _cr0 = Cr0.ResetValue;
    private uint _cr3;
    private uint _cr4;
    private ulong _efer;

    /// <summary>CR2: the linear address of the last page fault.</summary>
    public uint Cr2 { get; private set; }

    /// <summary>The four PDPTE registers loaded from the PDPT (PAE); stale until the next load, as on silicon.</summary>
    public IReadOnlyList<ulong> PdpteRegisters => _pdpte;

    /// <inheritdoc/>
    public ulong Read(uint number) => number switch
    {
        X86SystemRegister.Cr0 => _cr0,
        X86SystemRegister.Cr2 => Cr2,
        X86SystemRegister.Cr3 => _cr3,
        X86SystemRegister.Cr4 => _cr4,
        X86SystemRegister.Efer => _efer,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "the x86 model has CR0, CR2, CR3, CR4 and IA32_EFER (0xC0000080)"),
    };

    /// <inheritdoc/>
    public void Write(uint number, ulong value)
    {
        switch (number)
        {
            case X86SystemRegister.Cr0:
                if (Fits32("CR0", value))
                {
                    WriteCr0((uint)value);
                }

                break;
            case X86SystemRegister.Cr2:
                if (Fits32("CR2", value))
                {
                    Cr2 = (uint)value;
                }

                break;
            case X86SystemRegister.Cr3:
                if (Fits32("CR3", value))
                {
                    WriteCr3((uint)value);
                }

                break;
            case X86SystemRegister.Cr4:
                if (Fits32("CR4", value))
                {
                    WriteCr4((uint)value);
                }

                break;
            case X86SystemRegister.Efer:
                WriteEfer(value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(number), number, "the x86 model has CR0, CR2, CR3, CR4 and IA32_EFER (0xC0000080)");
        }
    }

    private bool Fits32(string register, ulong value)
    {
        if (value <= uint.MaxValue)
        {
            return true;
        }

        Report(register, $"0x{value:X} does not fit: outside IA-32e mode MOV to a control register writes 32 bits", "the write is dropped");
        return false;
    }

    private void WriteCr0(uint requested)
    {
        // Reserved bits of CR0[31:0] ignore writes and ET is hard-wired to 1 (SDM §2.5).
        uint value = (requested & Cr0.Implemented) | Cr0.ET;
        if ((value & Cr0.PG) != 0 && (value & Cr0.PE) == 0)
        {
            Report("CR0", $"0x{requested:X8} sets PG without PE: MOV to CR0 raises #GP(0)", "the write is dropped, CR0 keeps its value");
            return;
        }

        if ((value & Cr0.NW) != 0 && (value & Cr0.CD) == 0)
        {
            Report("CR0", $"0x{requested:X8} sets NW without CD: MOV to CR0 raises #GP(0)", "the write is dropped, CR0 keeps its value");
            return;
        }

        uint changed = _cr0 ^ value;
        _cr0 = value;
        UpdateMode();
        if (PagingMode == X86PagingMode.Pae && (changed & (Cr0.PG | Cr0.CD | Cr0.NW)) != 0)
        {
            LoadPdptes();
        }

        if ((changed & (Cr0.PG | Cr0.WP)) != 0)
        {
            Flush(keepGlobal: false);
        }
    }

    private void WriteCr3(uint value)
    {
        _cr3 = value;
        if (PagingMode == X86PagingMode.Pae)
        {
            LoadPdptes();
        }

        Flush(keepGlobal: (_cr4 & Cr4.PGE) != 0);
    }

    private void WriteCr4(uint value)
    {
        if ((value & ~Cr4.Implemented) != 0)
        {
            Report("CR4", $"0x{value:X8} sets bits 0x{value & ~Cr4.Implemented:X8} the processor does not implement: MOV to CR4 raises #GP(0)", "the write is dropped, CR4 keeps its value");
            return;
        }

        uint changed = _cr4 ^ value;
        _cr4 = value;
        UpdateMode();
        if (PagingMode == X86PagingMode.Pae && (changed & (Cr4.PAE | Cr4.PGE | Cr4.PSE | Cr4.SMEP)) != 0)
        {
            LoadPdptes();
        }

        if ((changed & Cr4.FlushingBits) != 0)
        {
            Flush(keepGlobal: false);
        }
    }

    private void WriteEfer(ulong value)
    {
        if ((value & ~Efer.Implemented) != 0)
        {
            Report("IA32_EFER", $"0x{value:X} sets bits 0x{value & ~Efer.Implemented:X}; the processor has no IA-32e mode and no SYSCALL: WRMSR raises #GP(0)", "the write is dropped, IA32_EFER keeps its value");
            return;
        }

        ulong changed = _efer ^ value;
        _efer = value;
        if ((changed & Efer.NXE) != 0)
        {
            Flush(keepGlobal: false);
        }
    }

    private void UpdateMode() =>
        PagingMode = (_cr0 & Cr0.PG) == 0 ? X86PagingMode.Disabled
            : (_cr4 & Cr4.PAE) != 0 ? X86PagingMode.Pae
            : X86PagingMode.Paging32;

    /// <summary>
    /// Loads the four PDPTE registers from the PDPT at CR3[31:5], as MOV to CR3 (and the CR0/CR4 writes
    /// that enter or reconfigure PAE paging) do on silicon. Reserved bits there make silicon raise #GP;
    /// the model cannot fault a register write, so it reports them and follows QEMU: bits 63:MAXPHYADDR
    /// fault each walk through the entry with RSVD, bits 2:1 and 8:5 (Zephyr's RW|US) are ignored.
    /// </summary>
    private void LoadPdptes()
    {
        uint pdpt = _cr3 & 0xFFFF_FFE0u;
        for (int i = 0; i < _pdpte.Length; i++)
        {
            ulong entry = ReadEntry(pdpt + (uint)(i * 8), 8);
            _pdpte[i] = entry;
            if ((entry & PageEntry.P) == 0)
            {
                continue;
            }

            if ((entry & (_reservedAddressBits | PageEntry.XD)) != 0)
            {
                Report($"PDPTE{i}", $"0x{entry:X16} sets reserved bits 63:{MaxPhysicalAddressBits}: silicon raises #GP(0) on the load",
                    "the load completes; every walk through the entry raises #PF with RSVD, as QEMU does", once: true);
            }
            else if ((entry & PageEntry.PdpteReservedLow) != 0)
            {
                Report($"PDPTE{i}", $"0x{entry:X16} sets reserved bits 2:1/8:5 (Zephyr's INT_FLAGS RW|US): silicon raises #GP(0) on the load",
                    "the bits are ignored, as QEMU does: a PDPTE contributes only P", once: true);
            }
        }
    }

    private void Flush(bool keepGlobal)
    {
        _tlb.Flush(keepGlobal);
        _invalidateDecisions?.Invoke();
    }
}
