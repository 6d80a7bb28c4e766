using Bora.Arch.Arm;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using Bora.Machine;

namespace Bora.Boards;

/// <summary>
/// A Cortex-M board (mps2-an385, mps2-an505): code in SSRAM1 (Zephyr's <c>zephyr,flash</c>), kernel RAM
/// in SSRAM2/3 (<c>zephyr,sram</c>), Cortex-M exception numbering and 8-word frames. Boot programs
/// Zephyr's static MPU regions (<c>arm_mpu_regions.c</c>): region 0 FLASH_0 read-only for both
/// privileges and executable, region 1 SRAM_0 privileged read/write and execute-never, then
/// MPU_CTRL = ENABLE | PRIVDEFENA, so supervisor code reaches everything else through the default map.
/// </summary>
internal sealed class ArmKernelBoard : KernelBoard
{
    private const uint CtrlEnable = 0x1;
    private const uint CtrlPrivdefena = 0x4;
    private const uint XpsrThumb = 0x0100_0000;

    private readonly uint _flashBase;
    private readonly uint _flashBytes;
    private readonly uint _sramBase;
    private readonly uint _sramBytes;

    public ArmKernelBoard(Board board, string description, uint flashBase, uint flashBytes, uint sramBase, uint sramBytes)
        : base(board, description)
    {
        _flashBase = flashBase;
        _flashBytes = flashBytes;
        _sramBase = sramBase;
        _sramBytes = sramBytes;
    }

    private bool IsV8 => Board.Arch == ArmArch.PmsaV8;

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

        // PMSAv7 with userspace: a 32-byte MPU guard reserved in each stack object, power-of-two user
        // stacks. PMSAv8-M Mainline guards with PSPLIM instead (CONFIG_BUILTIN_STACK_GUARD): no reserve.
        options.StackGeometry = IsV8
            ? new StackGeometry(Alignment: 32, ReservedBytes: 0, GuardBytes: 0, PointerAlignment: 8, PowerOfTwoSize: false, PrivilegedStackBytes: 1024)
            : new StackGeometry(Alignment: 32, ReservedBytes: 32, GuardBytes: 32, PointerAlignment: 8, PowerOfTwoSize: true, PrivilegedStackBytes: 1024);
        options.InitializeArch = Boot;
    }

    private void Boot(BoraKernel kernel)
    {
        var mpu = (ArmMpu)kernel.Protection;
        mpu.BindCpuState(kernel.Machine.Cpu.State);
        SystemBus bus = kernel.Machine.Bus;
        if (IsV8)
        {
            // MAIR0: attribute 0 normal write-through read-allocate (flash), 1 normal write-back (SRAM).
            Write(bus, ScsRegisters.MPU_MAIR0, 0x0000_FFAA);
            Write(bus, ScsRegisters.MPU_RNR, 0);
            Write(bus, ScsRegisters.MPU_RBAR, _flashBase | (0b11 << 1));
            Write(bus, ScsRegisters.MPU_RLAR, Limit(_flashBase, _flashBytes) | (0 << 1) | 1);
            Write(bus, ScsRegisters.MPU_RNR, 1);
            Write(bus, ScsRegisters.MPU_RBAR, _sramBase | (0b00 << 1) | 1);
            Write(bus, ScsRegisters.MPU_RLAR, Limit(_sramBase, _sramBytes) | (1 << 1) | 1);
        }
        else
        {
            const uint WriteThrough = 1u << 17;
            const uint WriteBack = (1u << 19) | (1u << 17) | (1u << 16);
            const uint ApReadOnly = 0b110u << 24;
            const uint ApPrivilegedReadWrite = 0b001u << 24;
            const uint ExecuteNever = 1u << 28;
            Write(bus, ScsRegisters.MPU_RNR, 0);
            Write(bus, ScsRegisters.MPU_RBAR, _flashBase);
            Write(bus, ScsRegisters.MPU_RASR, WriteThrough | ApReadOnly | SizeField(_flashBytes) | 1);
            Write(bus, ScsRegisters.MPU_RNR, 1);
            Write(bus, ScsRegisters.MPU_RBAR, _sramBase);
            Write(bus, ScsRegisters.MPU_RASR, WriteBack | ApPrivilegedReadWrite | ExecuteNever | SizeField(_sramBytes) | 1);
        }

        Write(bus, ScsRegisters.MPU_CTRL, CtrlEnable | CtrlPrivdefena);
    }

    private static uint Limit(uint start, uint bytes) => (start + bytes - 1) & ~0x1Fu;

    /// <summary>RASR.SIZE: a region of 2^(SIZE+1) bytes.</summary>
    private static uint SizeField(uint bytes) => (uint)(System.Numerics.BitOperations.Log2(bytes) - 1) << 1;

    private static void Write(SystemBus bus, uint register, uint value)
    {
        if (bus.Write(register, 4, Privilege.Supervisor, value) != BusStatus.Ok)
        {
            throw new InvalidOperationException($"the MPU refused the write of 0x{value:X8} to 0x{register:X8} during boot");
        }
    }
}
