using Bora.Arch.X86;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>
/// Zephyr's qemu_x86 (PAE) or qemu_x86_nopae (32-bit paging): the image linked at 1 MiB in DRAM, kernel
/// RAM from 2 MiB. Boot builds Zephyr-style kernel page tables (<c>gen_mmu.py</c>) in a pool below the
/// image and turns paging on: text present and executable (read-only), rodata read-only and
/// execute-never, kernel RAM read/write and execute-never, everything else — page 0 included — not
/// mapped; CR0.WP so supervisor writes honour read-only pages; EFER.NXE under PAE.
/// </summary>
internal sealed class X86KernelBoard : KernelBoard
{
    /// <summary>Where the image is linked (<c>CONFIG_SRAM_BASE_ADDRESS</c> of qemu_x86 is 1 MiB).</summary>
    public const uint ImageBase = 0x0010_0000;

    /// <summary>Start of kernel RAM: the first 2 MiB boundary after the image's text and rodata.</summary>
    public const uint RamBase = 0x0020_0000;

    /// <summary>Kernel RAM bytes identity-mapped from <see cref="RamBase"/>.</summary>
    public const uint RamBytes = 8u << 20;

    /// <summary>The page-table pool, below the image and not mapped by the tables themselves.</summary>
    public const uint TablePoolStart = 0x0008_0000;

    private const uint PageBytes = 4096;

    private readonly X86PagingMode _mode;

    public X86KernelBoard(Hal.Board board, string description, X86PagingMode mode)
        : base(board, description)
    {
        _mode = mode;
    }

    private protected override void Configure(KernelOptions options)
    {
        var mmuOptions = new X86MmuOptions { Mode = _mode, Board = Board.Name };
        options.Layout.TextBase = ImageBase;
        options.Layout.RamBase = RamBase;
        options.Layout.RamBytes = RamBytes;
        options.CreateProtection = bus => new X86Mmu(bus, mmuOptions);

        // Zephyr's #DF task runs on its own stack (_df_stack): the top page of kernel data here.
        options.CreateExceptionModel = protection => new X86ExceptionModel((X86Mmu)protection);
        options.StackGeometry = X86StackGeometry.Userspace;

        // IRQ offload is `int $CONFIG_IRQ_OFFLOAD_VECTOR` (33). The system timer takes vector 32, a
        // context switch is modelled as a software interrupt on vector 34 (the `int` frame: EFLAGS, CS,
        // EIP on the outgoing stack), interrupt line n is vector 48 + n.
        options.Exceptions = new ExceptionNumbers(Offload: 33, PendSv: 34, SysTick: 32, IrqBase: 48);
        options.ThreadStatus = Eflags.IF | Eflags.Reserved1;
        options.InitializeArch = Boot;
    }

    private void Boot(BoraKernel kernel)
    {
        var mmu = (X86Mmu)kernel.Protection;
        var tables = new X86PageTableBuilder(kernel.Machine.Bus.Memory, _mode, TablePoolStart, ImageBase);
        Kernel.Image.ImageLayout layout = kernel.Layout;
        uint romStart = (uint)layout.RomRange.Start;
        uint textEnd = AlignUp((uint)layout.Text.End);
        tables.IdentityMap(romStart, textEnd - romStart, PageEntry.P | PageEntry.US);
        uint romEnd = AlignUp((uint)layout.RomRange.End);
        if (romEnd > textEnd)
        {
            tables.IdentityMap(textEnd, romEnd - textEnd, PageEntry.P | PageEntry.US | PageEntry.XD);
        }

        tables.IdentityMap((uint)layout.RamRange.Start, (uint)layout.RamRange.Size, PageEntry.P | PageEntry.RW | PageEntry.XD);
        ((X86ExceptionModel)kernel.ExceptionModel).DoubleFaultStackTop = (uint)layout.KernelData.End;

        mmu.Write(X86SystemRegister.Cr3, tables.Root);
        if (_mode == X86PagingMode.Pae)
        {
            mmu.Write(X86SystemRegister.Cr4, Cr4.PAE);
            mmu.Write(X86SystemRegister.Efer, Efer.NXE);
        }

        mmu.Write(X86SystemRegister.Cr0, Cr0.PE | Cr0.ET | Cr0.WP | Cr0.PG);
        if (mmu.InvalidProgramming.Count != 0)
        {
            throw new InvalidOperationException($"x86 boot programmed the MMU wrongly: {mmu.InvalidProgramming[0]}");
        }
    }

    private static uint AlignUp(uint address) => (address + PageBytes - 1) & ~(PageBytes - 1);
}
