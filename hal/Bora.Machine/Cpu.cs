using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Bora.Hal;

namespace Bora.Machine;

/// <summary>
/// The one modelled CPU of a machine: its architectural state, its cycle counter and the checked
/// accessors through which thread code touches simulated memory. Every access is decided by the
/// protection model at the current privilege; a denied or unanswered access raises the arch's fault
/// through <see cref="FaultSink"/> and commits nothing.
/// </summary>
/// <remarks>
/// The hot path keeps the last allowed window per access kind (read, write, execute): a run of
/// addresses inside one RAM page for which the model's answer holds. The model drops these windows
/// through the callback it was given; the CPU drops them when the bus allocates nothing new, so a
/// window is only ever as stale as the hardware's own caches are allowed to be.
/// </remarks>
public sealed class Cpu : ICheckedMemory
{
    // A decision whose window holds no address: translation falls back to asking the model.
    private static readonly AccessDecision s_noDecision = AccessDecision.Deny(1, 0, 0);

    private DecisionWindow _read;
    private DecisionWindow _write;
    private DecisionWindow _execute;
    private StackWindow _stackPush;
    private StackWindow _stackPop;
    private ulong _cycles;
    private ulong _pollAt = ulong.MaxValue;
    private readonly AccessCosts _costs;
    private readonly uint _loadCost;
    private readonly uint _storeCost;

    /// <summary>Creates a CPU on <paramref name="bus"/> guarded by <paramref name="protection"/>.</summary>
    public Cpu(SystemBus bus, IProtectionModel protection, AccessCosts? costs = null)
    {
        Bus = bus ?? throw new ArgumentNullException(nameof(bus));
        Protection = protection ?? throw new ArgumentNullException(nameof(protection));
        _costs = costs ?? AccessCosts.Default;
        _loadCost = _costs.Load;
        _storeCost = _costs.Store;
        protection.AttachDecisionCache(InvalidateDecisions);

        // Cached windows hold for the privilege they were filled at: a mode change drops them.
        State.PrivilegeChanged += InvalidateDecisions;
    }

    /// <summary>Architectural register state.</summary>
    public CpuState State { get; } = new();

    /// <summary>The bus behind the protection unit.</summary>
    public SystemBus Bus { get; }

    /// <summary>The protection hardware.</summary>
    public IProtectionModel Protection { get; }

    /// <summary>The modelled cost of each access kind.</summary>
    public AccessCosts Costs => _costs;

    /// <summary>Where faults go; by default they throw <see cref="MachineFaultException"/>.</summary>
    public IFaultSink FaultSink { get; set; } = ThrowingFaultSink.Instance;

    /// <summary>Called at poll points; <see langword="null"/> on a bare machine.</summary>
    public IPollHandler? PollHandler { get; set; }

    /// <summary>
    /// When set, accessors skip the protection model (a build with memory protection off); bus errors
    /// are still raised.
    /// </summary>
    public bool BypassProtection
    {
        get;
        set
        {
            field = value;
            InvalidateDecisions();
        }
    }

    /// <summary>Cycles elapsed since the machine was created.</summary>
    public ulong Cycles => _cycles;

    /// <summary>Advances the cycle counter without an access (modelled work such as a context switch).</summary>
    public void AddCycles(ulong cycles) => _cycles += cycles;

    /// <summary>Sets the cycle count at which the next poll point fires.</summary>
    public void SetPollDeadline(ulong cycle) => Volatile.Write(ref _pollAt, cycle);

    /// <summary>Makes the next checked access a poll point. Safe to call from any host thread.</summary>
    public void RequestPoll() => Volatile.Write(ref _pollAt, 0);

    /// <summary>Drops every cached decision; the next access of each kind asks the protection model.</summary>
    public void InvalidateDecisions()
    {
        _read.Clear();
        _write.Clear();
        _execute.Clear();
        _stackPush.Clear();
        _stackPop.Clear();
    }

    /// <summary>Loads a byte at the current privilege.</summary>
    public byte ReadByte(uint address)
    {
        uint offset = address - _read.Start;
        if (offset < _read.Length)
        {
            byte value = _read.Page[_read.PageOffset + (int)offset];
            Charge(_loadCost);
            return value;
        }

        return (byte)ReadSlow(address, 1);
    }

    /// <summary>Loads a little-endian halfword at the current privilege.</summary>
    public ushort ReadUInt16(uint address)
    {
        uint offset = address - _read.Start;
        if ((ulong)offset + 2 <= _read.Length)
        {
            ushort value = Load<ushort>(_read.Page, _read.PageOffset + (int)offset);
            Charge(_loadCost);
            return value;
        }

        return (ushort)ReadSlow(address, 2);
    }

    /// <summary>Loads a little-endian word at the current privilege.</summary>
    public uint ReadUInt32(uint address)
    {
        uint offset = address - _read.Start;
        if ((ulong)offset + 4 <= _read.Length)
        {
            uint value = Load<uint>(_read.Page, _read.PageOffset + (int)offset);
            Charge(_loadCost);
            return value;
        }

        return (uint)ReadSlow(address, 4);
    }

    /// <summary>Loads a little-endian 64-bit value at the current privilege.</summary>
    public ulong ReadUInt64(uint address)
    {
        uint offset = address - _read.Start;
        if ((ulong)offset + 8 <= _read.Length)
        {
            ulong value = Load<ulong>(_read.Page, _read.PageOffset + (int)offset);
            Charge(_loadCost);
            return value;
        }

        return ReadSlow(address, 8);
    }

    /// <summary>Stores a byte at the current privilege.</summary>
    public void WriteByte(uint address, byte value)
    {
        uint offset = address - _write.Start;
        if (offset < _write.Length)
        {
            _write.Page[_write.PageOffset + (int)offset] = value;
            Charge(_storeCost);
            return;
        }

        WriteSlow(address, 1, value);
    }

    /// <summary>Stores a little-endian halfword at the current privilege.</summary>
    public void WriteUInt16(uint address, ushort value)
    {
        uint offset = address - _write.Start;
        if ((ulong)offset + 2 <= _write.Length)
        {
            Store(_write.Page, _write.PageOffset + (int)offset, value);
            Charge(_storeCost);
            return;
        }

        WriteSlow(address, 2, value);
    }

    /// <summary>Stores a little-endian word at the current privilege.</summary>
    public void WriteUInt32(uint address, uint value)
    {
        uint offset = address - _write.Start;
        if ((ulong)offset + 4 <= _write.Length)
        {
            Store(_write.Page, _write.PageOffset + (int)offset, value);
            Charge(_storeCost);
            return;
        }

        WriteSlow(address, 4, value);
    }

    /// <summary>Stores a little-endian 64-bit value at the current privilege.</summary>
    public void WriteUInt64(uint address, ulong value)
    {
        uint offset = address - _write.Start;
        if ((ulong)offset + 8 <= _write.Length)
        {
            Store(_write.Page, _write.PageOffset + (int)offset, value);
            Charge(_storeCost);
            return;
        }

        WriteSlow(address, 8, value);
    }

    /// <summary>
    /// Checks an instruction fetch of <paramref name="size"/> bytes at <paramref name="address"/> at the
    /// current privilege: what calling through a code address or returning to it does on hardware.
    /// </summary>
    public void CheckExecute(uint address, uint size = 2)
    {
        uint offset = address - _execute.Start;
        if ((ulong)offset + size <= _execute.Length)
        {
            Charge(_costs.Fetch);
            return;
        }

        FaultRecord? fault = Check(address, size, AccessKind.Execute, State.Privilege, fill: true);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        Charge(_costs.Fetch);
    }

    /// <summary>Copies <paramref name="destination"/>.Length bytes from simulated memory, checked as one load.</summary>
    public void ReadBlock(uint address, Span<byte> destination)
    {
        FaultRecord? fault = Check(address, (uint)destination.Length, AccessKind.Read, State.Privilege, fill: false);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        for (int done = 0; done < destination.Length;)
        {
            uint a = address + (uint)done;
            int chunk = Math.Min(destination.Length - done, PhysicalMemory.PageSize - (int)(a & (PhysicalMemory.PageSize - 1)));
            Bus.ReadMemory(Physical(a, AccessKind.Read, State.Privilege, s_noDecision), destination.Slice(done, chunk));
            done += chunk;
        }

        Charge(BlockCost(destination.Length));
    }

    /// <summary>Copies <paramref name="source"/> into simulated memory, checked as one store; nothing is written on a fault.</summary>
    public void WriteBlock(uint address, ReadOnlySpan<byte> source)
    {
        FaultRecord? fault = Check(address, (uint)source.Length, AccessKind.Write, State.Privilege, fill: false);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        CopyIn(address, source);
        Charge(BlockCost(source.Length));
    }

    /// <summary>Fills <paramref name="length"/> bytes with <paramref name="value"/>, checked as one store.</summary>
    public void FillBlock(uint address, uint length, byte value)
    {
        FaultRecord? fault = Check(address, length, AccessKind.Write, State.Privilege, fill: false);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        Span<byte> pattern = stackalloc byte[256];
        pattern.Fill(value);
        for (uint done = 0; done < length;)
        {
            uint chunk = Math.Min(length - done, (uint)pattern.Length);
            CopyIn(address + done, pattern[..(int)chunk]);
            done += chunk;
        }

        Charge(BlockCost((int)Math.Min(length, int.MaxValue)));
    }

    /// <summary>
    /// Reads a NUL-terminated string of at most <paramref name="maxLength"/> bytes (UTF-8), byte by byte
    /// as <c>strnlen</c> would; faults at the first byte it may not read.
    /// </summary>
    public string ReadCString(uint address, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var bytes = new List<byte>();
        for (int i = 0; i < maxLength; i++)
        {
            byte b = ReadByte(unchecked(address + (uint)i));
            if (b == 0)
            {
                break;
            }

            bytes.Add(b);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>
    /// Performs a checked load of <paramref name="size"/> (1, 2 or 4) bytes at an explicit privilege and
    /// kind, returning the fault instead of raising it. No poll point.
    /// </summary>
    public FaultRecord? TryRead(uint address, int size, AccessKind kind, Privilege privilege, out uint value)
    {
        ValidateSize(size);
        if (kind == AccessKind.StackPop && size == 4 && StackWindowHolds(ref _stackPop, address, kind, privilege, out int at))
        {
            value = Load<uint>(_stackPop.Window.Page, at);
            _cycles += _costs.Load;
            return null;
        }

        value = 0;
        FaultRecord? fault = Check(address, (uint)size, kind, privilege, fill: false, out AccessDecision first);
        if (fault is not null)
        {
            return fault;
        }

        _cycles += kind == AccessKind.Execute ? _costs.Fetch : _costs.Load;
        if (kind == AccessKind.Execute)
        {
            return null;
        }

        BusStatus status = ReadTranslated(address, size, kind, privilege, first, out value);
        return status == BusStatus.Ok ? null : Protection.RaiseBusFault(new MemoryAccess(address, (uint)size, kind, privilege), address);
    }

    /// <summary>
    /// Performs a checked store of <paramref name="size"/> (1, 2 or 4) bytes at an explicit privilege and
    /// kind, returning the fault instead of raising it. No poll point.
    /// </summary>
    public FaultRecord? TryWrite(uint address, int size, AccessKind kind, Privilege privilege, uint value)
    {
        ValidateSize(size);
        if (kind == AccessKind.StackPush && size == 4 && StackWindowHolds(ref _stackPush, address, kind, privilege, out int at))
        {
            Store(_stackPush.Window.Page, at, value);
            _cycles += _costs.Store;
            return null;
        }

        FaultRecord? fault = Check(address, (uint)size, kind, privilege, fill: false, out AccessDecision first);
        if (fault is not null)
        {
            return fault;
        }

        _cycles += _costs.Store;
        BusStatus status = WriteTranslated(address, size, kind, privilege, value, first);
        return status == BusStatus.Ok ? null : Protection.RaiseBusFault(new MemoryAccess(address, (uint)size, kind, privilege), address);
    }

    /// <inheritdoc/>
    public FaultRecord? TryWriteWord(uint address, uint value, AccessKind kind, Privilege privilege) =>
        TryWrite(address, 4, kind, privilege, value);

    /// <inheritdoc/>
    public FaultRecord? TryReadWord(uint address, AccessKind kind, Privilege privilege, out uint value) =>
        TryRead(address, 4, kind, privilege, out value);

    /// <summary>
    /// Decides an access without performing it: the protection model first (every byte, the lowest
    /// denied byte reported), then the bus. Returns the fault, latched in the model's status registers.
    /// </summary>
    public FaultRecord? Check(uint address, uint size, AccessKind kind, Privilege privilege) =>
        Check(address, size, kind, privilege, fill: false);

    private FaultRecord? Check(uint address, uint size, AccessKind kind, Privilege privilege, bool fill) =>
        Check(address, size, kind, privilege, fill, out _);

    private FaultRecord? Check(uint address, uint size, AccessKind kind, Privilege privilege, bool fill, out AccessDecision first)
    {
        first = AccessDecision.Allow(0, uint.MaxValue);
        if (size == 0)
        {
            return null;
        }

        var access = new MemoryAccess(address, size, kind, privilege);
        ulong end = (ulong)address + size;
        ulong checkedEnd = Math.Min(end, 1UL << 32);
        first = default;
        if (!BypassProtection)
        {
            ulong next = address;
            bool isFirst = true;
            while (next < checkedEnd)
            {
                uint at = (uint)next;
                AccessDecision decision = Protection.Decide(at, kind, privilege);
                if (!decision.IsAllowed)
                {
                    return Protection.RaiseFault(access, at, decision);
                }

                if (isFirst)
                {
                    first = decision;
                    isFirst = false;
                }

                next = Math.Max((ulong)decision.WindowEnd + 1, (ulong)at + 1);
            }
        }
        else
        {
            first = AccessDecision.Allow(0, uint.MaxValue);
        }

        if (end > (1UL << 32))
        {
            // Wrapping past the top of the address space: the bytes above 0xFFFFFFFF do not exist.
            return Protection.RaiseBusFault(access, 0);
        }

        if (!PhysicalRangeOk(first, address, size, access.IsStore, privilege, out uint badAddress))
        {
            return Protection.RaiseBusFault(access, badAddress);
        }

        if (fill)
        {
            Fill(kind, address, size, first);
        }

        return null;
    }

    private bool PhysicalRangeOk(in AccessDecision first, uint address, uint size, bool store, Privilege privilege, out uint badAddress)
    {
        ulong end = (ulong)address + size;
        for (ulong a = address; a < end;)
        {
            uint linear = (uint)a;
            AccessDecision d = BypassProtection || (linear >= first.WindowStart && linear <= first.WindowEnd)
                ? first
                : Protection.Decide(linear, store ? AccessKind.Write : AccessKind.Read, privilege);
            ulong pageEnd = (a | (PhysicalMemory.PageSize - 1)) + 1;
            ulong chunkEnd = Math.Min(end, Math.Min(pageEnd, (ulong)d.WindowEnd + 1));
            ulong physical = BypassProtection ? linear : d.Translate(linear);
            uint length = (uint)(chunkEnd - a);
            if (physical + length > (1UL << 32))
            {
                badAddress = linear;
                return false;
            }

            if (!Bus.CanAccess((uint)physical, length, store, out uint badOffset))
            {
                badAddress = linear + badOffset;
                return false;
            }

            a = chunkEnd;
        }

        badAddress = 0;
        return true;
    }

    /// <summary>
    /// Whether the stack window holds the word at <paramref name="address"/>, filling it first from the
    /// model's decision when it does not. A denied or non-RAM word is left to the general path, which
    /// raises the fault.
    /// </summary>
    private bool StackWindowHolds(ref StackWindow stack, uint address, AccessKind kind, Privilege privilege, out int index)
    {
        uint status = State.Status;
        if (stack.HoldsWord(address, privilege, status, out index))
        {
            return true;
        }

        AccessDecision decision = BypassProtection ? AccessDecision.Allow(0, uint.MaxValue) : Protection.Decide(address, kind, privilege);
        if (!decision.IsAllowed || (ulong)decision.WindowEnd < (ulong)address + 3)
        {
            return false;
        }

        stack.Clear();
        Fill(ref stack.Window, address, 4, decision);
        stack.Privilege = privilege;
        stack.Status = status;
        return stack.HoldsWord(address, privilege, status, out index);
    }

    private void Fill(AccessKind kind, uint address, uint size, in AccessDecision decision) =>
        Fill(ref WindowFor(kind), address, size, decision);

    private void Fill(ref DecisionWindow window, uint address, uint size, in AccessDecision decision)
    {
        ulong physical = BypassProtection ? address : decision.Translate(address);
        if (physical > uint.MaxValue || !Bus.TryGetRamWindow((uint)physical, out AddressRange ram))
        {
            return;
        }

        uint pageBase = address & ~(uint)(PhysicalMemory.PageSize - 1);
        ulong start = Math.Max(pageBase, BypassProtection ? 0 : decision.WindowStart);
        ulong last = Math.Min((ulong)pageBase + PhysicalMemory.PageSize - 1, BypassProtection ? uint.MaxValue : decision.WindowEnd);

        // Clip to the RAM window, expressed in linear addresses.
        long delta = (long)physical - address;
        start = (ulong)Math.Max((long)start, (long)ram.Start - delta);
        last = (ulong)Math.Min((long)last, (long)ram.End - 1 - delta);
        if (last < start || (ulong)address + size - 1 > last || address < start)
        {
            return;
        }

        uint physicalStart = (uint)((long)start + delta);
        window.Start = (uint)start;
        window.Length = last - start + 1;
        window.Page = Bus.Memory.GetPage(physicalStart);
        window.PageOffset = (int)(physicalStart & (PhysicalMemory.PageSize - 1));

        // A window must not cross a physical page: the linear page maps to one physical page.
        if ((ulong)window.PageOffset + window.Length > PhysicalMemory.PageSize)
        {
            window.Clear();
        }
    }

    private void CopyIn(uint address, ReadOnlySpan<byte> source)
    {
        for (int done = 0; done < source.Length;)
        {
            uint a = address + (uint)done;
            int chunk = Math.Min(source.Length - done, PhysicalMemory.PageSize - (int)(a & (PhysicalMemory.PageSize - 1)));
            Bus.WriteMemory(Physical(a, AccessKind.Write, State.Privilege, s_noDecision), source.Slice(done, chunk));
            done += chunk;
        }
    }

    private ref DecisionWindow WindowFor(AccessKind kind)
    {
        switch (kind)
        {
            case AccessKind.Write:
                return ref _write;
            case AccessKind.Execute:
                return ref _execute;
            default:
                return ref _read;
        }
    }

    private ulong ReadSlow(uint address, int size)
    {
        FaultRecord? fault = Check(address, (uint)size, AccessKind.Read, State.Privilege, fill: true, out AccessDecision first);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        ulong value;
        if (size == 8)
        {
            value = ReadBusWord(address, 4, first) | ((ulong)ReadBusWord(address + 4, 4, first) << 32);
        }
        else
        {
            value = ReadBusWord(address, size, first);
        }

        Charge(_loadCost);
        return value;
    }

    private uint ReadBusWord(uint address, int size, in AccessDecision first)
    {
        if (ReadTranslated(address, size, AccessKind.Read, State.Privilege, first, out uint value) != BusStatus.Ok)
        {
            FaultSink.Raise(this, Protection.RaiseBusFault(new MemoryAccess(address, (uint)size, AccessKind.Read, State.Privilege), address));
        }

        return value;
    }

    private void WriteSlow(uint address, int size, ulong value)
    {
        FaultRecord? fault = Check(address, (uint)size, AccessKind.Write, State.Privilege, fill: true, out AccessDecision first);
        if (fault is not null)
        {
            FaultSink.Raise(this, fault);
        }

        if (size == 8)
        {
            WriteBusWord(address, 4, (uint)value, first);
            WriteBusWord(address + 4, 4, (uint)(value >> 32), first);
        }
        else
        {
            WriteBusWord(address, size, (uint)value, first);
        }

        Charge(_storeCost);
    }

    private void WriteBusWord(uint address, int size, uint value, in AccessDecision first)
    {
        if (WriteTranslated(address, size, AccessKind.Write, State.Privilege, value, first) != BusStatus.Ok)
        {
            FaultSink.Raise(this, Protection.RaiseBusFault(new MemoryAccess(address, (uint)size, AccessKind.Write, State.Privilege), address));
        }
    }

    /// <summary>
    /// Loads 1, 2 or 4 bytes at a linear address that was already checked: through the translation of
    /// its page, byte by byte when it crosses into a page that may be mapped elsewhere.
    /// </summary>
    private BusStatus ReadTranslated(uint address, int size, AccessKind kind, Privilege privilege, in AccessDecision first, out uint value)
    {
        if (!CrossesPage(address, size))
        {
            return Bus.Read(Physical(address, kind, privilege, first), size, privilege, out value);
        }

        value = 0;
        for (int i = 0; i < size; i++)
        {
            uint linear = unchecked(address + (uint)i);
            if (Bus.Read(Physical(linear, kind, privilege, first), 1, privilege, out uint b) != BusStatus.Ok)
            {
                return BusStatus.Error;
            }

            value |= b << (8 * i);
        }

        return BusStatus.Ok;
    }

    /// <summary>Stores 1, 2 or 4 bytes at a checked linear address, page by page as <see cref="ReadTranslated"/> loads.</summary>
    private BusStatus WriteTranslated(uint address, int size, AccessKind kind, Privilege privilege, uint value, in AccessDecision first)
    {
        if (!CrossesPage(address, size))
        {
            return Bus.Write(Physical(address, kind, privilege, first), size, privilege, value);
        }

        for (int i = 0; i < size; i++)
        {
            uint linear = unchecked(address + (uint)i);
            if (Bus.Write(Physical(linear, kind, privilege, first), 1, privilege, (value >> (8 * i)) & 0xFF) != BusStatus.Ok)
            {
                return BusStatus.Error;
            }
        }

        return BusStatus.Ok;
    }

    private static bool CrossesPage(uint address, int size) =>
        (address & (PhysicalMemory.PageSize - 1)) + (uint)size > PhysicalMemory.PageSize;

    /// <summary>
    /// The physical address of a checked linear address: from <paramref name="first"/> (the decision
    /// that allowed the access) when it covers the address, otherwise decided again at the privilege
    /// and kind it was checked at, so the decision is the allowed one.
    /// </summary>
    private uint Physical(uint address, AccessKind kind, Privilege privilege, in AccessDecision first)
    {
        if (BypassProtection)
        {
            return address;
        }

        if (address >= first.WindowStart && address <= first.WindowEnd)
        {
            return (uint)first.Translate(address);
        }

        return (uint)Protection.Decide(address, kind, privilege).Translate(address);
    }

    // The fast paths only call these with an offset the cached window proves lies inside the page,
    // so the bounds check a span would repeat is skipped. Simulated memory is little-endian.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Load<T>(byte[] page, int index)
        where T : unmanaged
    {
        T value = Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page), index));
        return BitConverter.IsLittleEndian ? value : ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(byte[] page, int index, T value)
        where T : unmanaged
    {
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page), index), BitConverter.IsLittleEndian ? value : ReverseEndianness(value));
    }

    private static T ReverseEndianness<T>(T value)
        where T : unmanaged
    {
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<T>(ref value));
        bytes.Reverse();
        return value;
    }

    private ulong BlockCost(int bytes) => (ulong)(bytes + (int)_costs.BlockBytesPerCycle - 1) / _costs.BlockBytesPerCycle + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Charge(ulong cycles)
    {
        _cycles += cycles;
        if (_cycles >= Volatile.Read(ref _pollAt))
        {
            Poll();
        }
    }

    private void Poll()
    {
        IPollHandler? handler = PollHandler;
        if (handler is null)
        {
            _pollAt = ulong.MaxValue;
            return;
        }

        handler.Poll(this);
    }

    private static void ValidateSize(int size)
    {
        if (size is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "a single bus access is 1, 2 or 4 bytes");
        }
    }
}
