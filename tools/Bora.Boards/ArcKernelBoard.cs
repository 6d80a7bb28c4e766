using Bora.Arch.Arc;
using Bora.Arch.Arc.Driver;
using Bora.Hal;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>
/// An ARC EM board (nsim_em with MPU v2, nsim_sem with MPU v4): code in ICCM, kernel RAM in DCCM. Early
/// init writes what Zephyr's ARC reset leaves: AUX_IRQ_CTRL (BLINK, loop registers, 14 registers) and
/// INT_VECTOR_BASE at the image's vector table; protection is Zephyr's <c>arch/arc/core/mpu</c>
/// (<see cref="ArcMpuDriver"/>): boot regions, per-thread regions at every switch, stack checking on v2.
/// </summary>
/// <remarks>
/// MPU v2 has no background map for supervisor code: its default region is 0 after <c>arc_mpu_init</c>, so
/// the peripheral window needs a region of its own. The HAL's boot layout has no kernel-only region kind, so
/// the board hands it to the driver as an extra region with P_RW_U_NA (KR|KW), which is what Zephyr's
/// nsim <c>mpu_regions[]</c> "PERIPHERAL" entry (REGION_KERNEL_RAM_ATTR) programs. It costs one partition slot
/// (11 per domain instead of 12). MPU v4's default region (the secure firmware's KR|KW) already serves it.
/// </remarks>
internal sealed class ArcKernelBoard : KernelBoard
{
    /// <summary><c>_ARC_V2_AUX_IRQ_CTRL_LOOP_REGS | _ARC_V2_AUX_IRQ_CTRL_BLINK | _ARC_V2_AUX_IRQ_CTRL_14_REGS</c>.</summary>
    private const uint AuxIrqCtrl = (1u << 10) | ArcExceptionModel.AUX_IRQ_CTRL_B | 7;

    private readonly ArcMpuVersion _version;

    public ArcKernelBoard(Hal.Board board, string description, ArcMpuVersion version)
        : base(board, description)
    {
        _version = version;
    }

    private protected override void Configure(KernelOptions options)
    {
        var mpuOptions = new ArcMpuOptions { Version = _version, RegionCount = 16, Board = Board.Name };

        // ICCM is 256 KiB: text and rodata shrink to fit it. DCCM is 512 KiB: a smaller app-partition
        // area leaves the stacks (power-of-two on MPU v2) room.
        options.Layout.TextBytes = Math.Min(options.Layout.TextBytes, 160 * 1024);
        options.Layout.RodataBytes = Math.Min(options.Layout.RodataBytes, 32 * 1024);
        options.Layout.AppPartitionBytes = Math.Min(options.Layout.AppPartitionBytes, 128 * 1024);
        options.CreateProtection = _ => ArcMpuModel.Create(mpuOptions);
        options.CreateExceptionModel = protection => new ArcExceptionModel((ArcMpuModel)protection);
        options.StackGeometry = ArcStackGeometry.For(_version);

        // irq_offload is TRAP_S (an exception: state saved in ERET/ERSTATUS); the system timer is
        // IRQ_TIMER0 (16). A context switch is modelled as an interrupt-class entry on vector 17, which
        // stacks STATUS32 and PC on the outgoing thread's stack as z_arc_switch pushes status32 and
        // blink; interrupt line n is vector 18 + n.
        options.Exceptions = new ExceptionNumbers(Offload: (int)ArcExceptionVector.EV_Trap, PendSv: 17, SysTick: 16, IrqBase: 18);
        options.ThreadStatus = Status32.IE;
        options.UserStatusBits = Status32.U;
        options.OtherSpIsPrivilegeStack = true;
        options.StackFrameStoreKind = AccessKind.StackPush;
        options.CreateProtectionDriver = (machine, protection) =>
        {
            var mpu = (ArcMpuModel)protection;
            ArcMpuDriverOptions driverOptions = options.HwStackProtection
                ? new()
                : new() { StackGuard = false, StackChecking = false };
            driverOptions.GapFilling = options.MpuGapFilling;
            driverOptions.SplitTextRodata = options.SplitTextRodata;
            return new ArcMpuDriver(machine.Cpu, mpu, new ArcAuxRegisters(mpu), driverOptions);
        };
        options.BootExtraRegions = _version == ArcMpuVersion.V2
            ? [(AddressRange.FromSize(ArcBoards.PeripheralBase, ArcBoards.PeripheralSize), PartitionPermissions.P_RW_U_NA)]
            : [];
        options.InitializeArch = Boot;
    }

    private void Boot(BoraKernel kernel)
    {
        var mpu = (ArcMpuModel)kernel.Protection;
        mpu.BindCpuState(kernel.Machine.Cpu.State);
        var aux = new ArcAuxRegisters(mpu);
        aux.Write(ArcAux.AUX_IRQ_CTRL, AuxIrqCtrl);
        aux.Write(ArcAux.INT_VECTOR_BASE, (uint)kernel.Layout.RomRange.Start);
    }
}
