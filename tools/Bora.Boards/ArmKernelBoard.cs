using Bora.Arch.Arm;
using Bora.Arch.Arm.Driver;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>
/// A Cortex-M board (mps2-an385, mps2-an505): code in SSRAM1 (Zephyr's <c>zephyr,flash</c>), kernel RAM
/// in SSRAM2/3 (<c>zephyr,sram</c>), Cortex-M exception numbering and 8-word frames. Protection is
/// Zephyr's <c>arm_mpu.c</c> (<see cref="ArmMpuDriver"/>): boot regions text+rodata (read-only for both
/// privileges, executable) and kernel RAM (privileged read/write, execute-never), MPU_CTRL = ENABLE |
/// PRIVDEFENA so supervisor code reaches everything else (PPB, peripherals) through the default map, and
/// per-thread dynamic regions (domain partitions, user stack, guard) at every switch.
/// </summary>
internal sealed class ArmKernelBoard : KernelBoard
{
    private const uint XpsrThumb = 0x0100_0000;

    private readonly uint _flashBase;
    private readonly uint _sramBase;
    private readonly uint _sramBytes;

    public ArmKernelBoard(Board board, string description, uint flashBase, uint sramBase, uint sramBytes)
        : base(board, description)
    {
        _flashBase = flashBase;
        _sramBase = sramBase;
        _sramBytes = sramBytes;
    }

    private protected override void Configure(KernelOptions options)
    {
        Board board = Board;
        options.Layout.TextBase = _flashBase;
        options.Layout.RamBase = _sramBase;
        options.Layout.RamBytes = _sramBytes;
        options.CreateProtection = bus => ArmMachine.CreateMpu(board, bus);
        options.CreateExceptionModel = protection => new ArmExceptionModel((ArmMpu)protection);
        options.Exceptions = ExceptionNumbers.Default;
        options.ThreadStatus = XpsrThumb;

        // The driver's stack geometry (64-byte MPU guard; power-of-two objects on PMSAv7) replaces the
        // options' one. Exceptions from user mode run on MSP (the interrupt stack), so OtherSp stays there.
        options.CreateProtectionDriver = (machine, protection) =>
            new ArmMpuDriver(machine.Cpu, (ArmMpu)protection, new ArmMpuDriverOptions
            {
                StackGuard = options.HwStackProtection,
                GapFilling = options.MpuGapFilling,
                SplitTextRodata = options.SplitTextRodata,
            });
        options.OtherSpIsPrivilegeStack = false;
        options.UserStatusBits = 0;
        options.InitializeArch = Boot;
    }

    /// <summary>SHCSR.MEMFAULTENA | BUSFAULTENA | USGFAULTENA, as Zephyr's <c>z_arm_exc_setup</c> sets them at boot.</summary>
    private const uint ShcsrFaultEnables = 0x0007_0000;

    private static void Boot(BoraKernel kernel)
    {
        ((ArmMpu)kernel.Protection).BindCpuState(kernel.Machine.Cpu.State);

        // Without these every MemManage, BusFault and UsageFault would escalate to HardFault (HFSR.FORCED).
        if (kernel.Machine.Cpu.TryWrite(ScsRegisters.SHCSR, 4, AccessKind.Write, Privilege.Supervisor, ShcsrFaultEnables) is { } fault)
        {
            throw new InvalidOperationException($"{kernel.Machine.Board.Name}: SHCSR could not be written at boot: {fault}");
        }
    }
}
