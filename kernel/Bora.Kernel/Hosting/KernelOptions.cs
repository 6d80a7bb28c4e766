using Serilog;

namespace Bora.Kernel.Hosting;

/// <summary>What a kernel is built from: the board, the arch's models, and the kernel configuration.</summary>
public sealed class KernelOptions
{
    /// <summary>The board to boot on (required).</summary>
    public Board? Board { get; set; }

    /// <summary>Builds the protection unit on the board's bus; a machine without one when unset.</summary>
    public Func<SystemBus, IProtectionModel>? CreateProtection { get; set; }

    /// <summary>
    /// The arch's exception entry/return, built once per kernel from the arch's protection model (the
    /// one <see cref="CreateProtection"/> returned: exception entry needs its fault status registers);
    /// <see cref="FrameExceptionModel"/> when unset.
    /// </summary>
    public Func<IProtectionModel, IExceptionModel>? CreateExceptionModel { get; set; }

    /// <summary>
    /// The arch's early initialisation (Zephyr's <c>z_arm_mpu_init</c>, <c>arc_mpu_init</c>,
    /// <c>z_x86_mmu_init</c>): called once per kernel at the end of construction, with the machine,
    /// the image layout and the interrupt stack in place, before any thread exists. It programs the
    /// protection hardware through its registers and memory. Nothing when unset.
    /// </summary>
    public Action<BoraKernel>? InitializeArch { get; set; }

    /// <summary>
    /// Builds the arch's protection driver (<see cref="IProtectionDriver"/>) from the machine and the arch's
    /// protection model (the one <see cref="CreateProtection"/> returned). When set, the kernel boots it
    /// with the image layout after <see cref="InitializeArch"/>, takes its <see cref="IProtectionDriver.StackGeometry"/>,
    /// creates the memory domains and reprograms the hardware at every switch; user threads run in user
    /// mode. Without it there are no domains and user threads run unprotected.
    /// </summary>
    public Func<Bora.Machine.Machine, IProtectionModel, IProtectionDriver>? CreateProtectionDriver { get; set; }

    /// <summary>
    /// Extra boot regions handed to <see cref="IProtectionDriver.Boot"/> (<c>mpu_config</c> entries beyond the
    /// image), e.g. a supervisor-only peripheral window where the MPU has no background map.
    /// </summary>
    public IReadOnlyList<(AddressRange Range, PartitionPermissions Permissions)> BootExtraRegions { get; set; } = [];

    /// <summary>Memory-domain configuration (<c>CONFIG_MAX_DOMAIN_PARTITIONS</c>, W^X).</summary>
    public MemoryDomainOptions MemoryDomains { get; set; } = new();

    /// <summary>
    /// <c>CONFIG_HW_STACK_PROTECTION</c>: the board's driver guards every supervisor stack (ARM MPU guard region,
    /// ARC MPU guard or stack-checking registers, x86 guard page). Off, it costs no region and no guard page is
    /// mapped, and an overflow below a stack goes undetected as on Zephyr. Read when the driver is created (at boot).
    /// </summary>
    public bool HwStackProtection { get; set; } = true;

    /// <summary>
    /// <c>CONFIG_USERSPACE</c> (DESIGN §5). Off — the RFC's debug-only build — the same application runs unchanged:
    /// <c>K_USER</c> threads and <c>k_thread_user_mode_enter</c> stay in supervisor mode, every <c>z_*</c> call is a
    /// direct call, the checked accessors skip the protection model (bus errors remain), and no per-thread regions
    /// are programmed at a switch. Memory-domain calls keep their checks and return codes.
    /// </summary>
    public bool Userspace { get; set; } = true;

    /// <summary>
    /// The status register a new thread starts with (its initial frame's xPSR/EFLAGS/STATUS32). The
    /// default is the Cortex-M xPSR with only the Thumb bit set.
    /// </summary>
    public uint ThreadStatus { get; set; } = 0x0100_0000;

    /// <summary>Bits set in a thread's status register when it enters user mode (ARC: <c>STATUS32.U</c>); none by default.</summary>
    public uint UserStatusBits { get; set; }

    /// <summary>
    /// The access kind of the stores a function prologue makes on its own stack (<see cref="Threading.StackFrame.Push"/>):
    /// <see cref="AccessKind.Write"/> by default (a Cortex-M PUSH is a data store, DACCVIOL; an x86 PUSH a write);
    /// <see cref="AccessKind.StackPush"/> on ARC, whose stack checking applies to SP-based loads and stores.
    /// </summary>
    public AccessKind StackFrameStoreKind { get; set; } = AccessKind.Write;

    /// <summary>
    /// Whether the CPU's other stack pointer holds the kernel stack of a thread running in user mode (x86 TSS
    /// ESP0, ARC AUX_USER_SP swap): then user-mode entry points it at the privilege-elevation stack. When
    /// <see langword="false"/> (Cortex-M: MSP) it keeps the interrupt stack.
    /// </summary>
    public bool OtherSpIsPrivilegeStack { get; set; }

    /// <summary>The arch's stack object geometry.</summary>
    public StackGeometry StackGeometry { get; set; } = new(Alignment: 8, ReservedBytes: 0, GuardBytes: 0, PointerAlignment: 8, PowerOfTwoSize: false, PrivilegedStackBytes: 0);

    /// <summary>Exception numbers handed to the exception model.</summary>
    public ExceptionNumbers Exceptions { get; set; } = ExceptionNumbers.Default;

    /// <summary><c>CONFIG_SYS_CLOCK_TICKS_PER_SEC</c>; Zephyr's default for tickless Cortex-M kernels.</summary>
    public uint TicksPerSecond { get; set; } = 10_000;

    /// <summary>Modelled cost of kernel work.</summary>
    public KernelCosts Costs { get; set; } = KernelCosts.Default;

    /// <summary>Modelled cost of checked accesses; <see cref="AccessCosts.Default"/> when unset.</summary>
    public AccessCosts? AccessCosts { get; set; }

    /// <summary>Image area sizes.</summary>
    public ImageLayoutOptions Layout { get; set; } = new();

    /// <summary>Records the trace ring holds.</summary>
    public int TraceCapacity { get; set; } = 1 << 16;

    /// <summary>Number of interrupt lines.</summary>
    public int IrqLines { get; set; } = 64;

    /// <summary>Stack bytes of the main thread (<c>CONFIG_MAIN_STACK_SIZE</c>).</summary>
    public uint MainStackSize { get; set; } = 1024;

    /// <summary>Stack bytes of the idle thread (<c>CONFIG_IDLE_STACK_SIZE</c>).</summary>
    public uint IdleStackSize { get; set; } = 320;

    /// <summary>Bytes of the interrupt stack (<c>CONFIG_ISR_STACK_SIZE</c>).</summary>
    public uint IsrStackSize { get; set; } = 2048;

    /// <summary>
    /// <c>CONFIG_MAX_THREAD_BYTES</c>: bytes of every kernel object's permission bitmap, so 8 × this many thread
    /// indices (live threads that can hold object permissions). Zephyr's default is 2 (16 indices).
    /// </summary>
    public int MaxThreadBytes { get; set; } = 2;

    /// <summary>The fatal error handler; Bora's default when unset (see docs/kernel.md).</summary>
    public FatalErrorHandler? FatalErrorHandler { get; set; }

    /// <summary>Where the kernel logs; nothing when unset.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>How long the host waits (wall clock) for a run to hand control back before failing.</summary>
    public TimeSpan HostWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Virtual time after which <see cref="BoraKernel.RunUntilIdle"/> gives up.</summary>
    public TimeSpan IdleRunLimit { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Name used in logs and traces.</summary>
    public string Name { get; set; } = "bora";

    /// <summary>
    /// Test hook: when set, random host delays (yields, sleeps of zero, short spins) seeded with this
    /// value are injected at every hand-off and checked access. The trace must not change.
    /// </summary>
    internal int? HostDelaySeed { get; set; }

    /// <summary>Copies these options (so that a factory can build many kernels from one set).</summary>
    public KernelOptions Clone() => (KernelOptions)MemberwiseClone();

    /// <summary>
    /// <c>CONFIG_MPU_GAP_FILLING</c> on the MPU boards that have non-overlapping regions (ARM PMSAv8, ARC MPU v4): kernel
    /// RAM is covered by an explicit region split around every dynamic region at each switch, instead of being left to
    /// the background map or default region; it costs up to two regions per dynamic region, roughly halving the
    /// partition limit. Off by default (Zephyr's default with <c>CONFIG_USERSPACE</c>); PMSAv7 and ARC MPU v2 refuse it
    /// when the driver is created, x86 ignores it. Read when the driver is created (at boot).
    /// </summary>
    public bool MpuGapFilling { get; set; }

    /// <summary>
    /// On the MPU boards, text and rodata as two boot regions: text readable and executable, rodata readable and
    /// execute-never (a fetch from rodata faults). One boot region more, so one partition less; PMSAv7 and ARC MPU v2
    /// round each to an aligned power of two and refuse a layout where the two would meet. Off by default; x86 always
    /// maps rodata execute-disabled and ignores it. Read when the driver is created (at boot).
    /// </summary>
    public bool SplitTextRodata { get; set; }
}
