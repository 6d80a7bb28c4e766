using Bora.Arch.X86;
using Bora.Arch.X86.Driver;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>
/// Zephyr's qemu_x86 (PAE) or qemu_x86_nopae (32-bit paging): the image linked at 1 MiB in DRAM, kernel
/// RAM from 2 MiB. Protection is Zephyr's <c>x86_mmu.c</c> (<see cref="X86MmuDriver"/>): <c>gen_mmu.py</c>-style
/// identity-mapped kernel tables (text present and executable, read-only; rodata read-only and execute-never;
/// kernel RAM read/write, execute-never, supervisor only; everything else — page 0 included — not mapped),
/// CR0.WP, EFER.NXE under PAE, per-domain page tables and stack guard pages. The page-table pool lies below
/// the image (not in kernel RAM, which the kernel's layout owns entirely: the HAL has no way to reserve RAM).
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
        options.UserStatusBits = 0;

        // An interrupt or exception from ring 3 switches to ESP0: the thread's privilege-elevation stack.
        options.OtherSpIsPrivilegeStack = true;
        options.CreateProtectionDriver = (machine, protection) =>
            new X86MmuDriver((X86Mmu)protection, machine.Bus, new X86MmuDriverOptions { PageTablePoolBase = TablePoolStart, StackGuard = options.HwStackProtection });
        options.InitializeArch = Boot;
    }

    private static void Boot(BoraKernel kernel) =>
        ((X86ExceptionModel)kernel.ExceptionModel).DoubleFaultStackTop = (uint)kernel.Layout.KernelData.End;
}
