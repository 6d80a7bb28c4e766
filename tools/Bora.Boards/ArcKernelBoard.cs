using Bora.Arch.Arc;
using Bora.Kernel;
using Bora.Kernel.Hosting;

namespace Bora.Boards;

/// <summary>
/// An ARC EM board (nsim_em with MPU v2, nsim_sem with MPU v4): code in ICCM, kernel RAM in DCCM. Boot
/// writes what Zephyr's ARC reset and MPU init leave for supervisor code: AUX_IRQ_CTRL (BLINK, loop
/// registers, 14 registers), INT_VECTOR_BASE at the image's vector table, and MPU_EN with the default
/// region KR|KW|KE (v2 also sets EN); no region is programmed yet (that is the per-thread driver's job).
/// </summary>
internal sealed class ArcKernelBoard : KernelBoard
{
    /// <summary><c>_ARC_V2_AUX_IRQ_CTRL_LOOP_REGS | _ARC_V2_AUX_IRQ_CTRL_BLINK | _ARC_V2_AUX_IRQ_CTRL_14_REGS</c>.</summary>
    private const uint AuxIrqCtrl = (1u << 10) | ArcExceptionModel.AUX_IRQ_CTRL_B | 7;
    private const uint MpuEnEnable = 1u << 30;
    private const uint KernelRwx = (uint)(ArcMpuAttributes.KR | ArcMpuAttributes.KW | ArcMpuAttributes.KE);

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
        options.InitializeArch = Boot;
    }

    private void Boot(BoraKernel kernel)
    {
        var mpu = (ArcMpuModel)kernel.Protection;
        mpu.BindCpuState(kernel.Machine.Cpu.State);
        var aux = new ArcAuxRegisters(mpu);
        aux.Write(ArcAux.AUX_IRQ_CTRL, AuxIrqCtrl);
        aux.Write(ArcAux.INT_VECTOR_BASE, (uint)kernel.Layout.RomRange.Start);
        aux.Write(ArcAux.MPU_EN, _version == ArcMpuVersion.V2 ? MpuEnEnable | KernelRwx : KernelRwx);
    }
}
