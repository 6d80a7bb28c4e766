namespace Bora.Kernel.Tests;

/// <summary>
/// Test globals in simulated memory (ztest's ZTEST_BMEM/ZTEST_DMEM analogue): a partition in the app
/// area, bump-allocated. Kernel threads touch it through the checked accessors (<see cref="Write"/>,
/// <see cref="Read"/>); the host peeks with <see cref="Peek"/>.
/// </summary>
internal sealed class TestMemory
{
    private readonly BoraKernel _k;
    private readonly MemoryArea _area;
    private uint _next;

    public TestMemory(BoraKernel k, uint size = 16 * 1024, string name = "ztest_mem")
    {
        _k = k;
        _area = k.Layout.ReservePartition(name, size, 4096);
        _next = _area.Start;
    }

    public uint Start => _area.Start;

    public uint Alloc(uint size, uint alignment = 4)
    {
        uint start = (_next + alignment - 1) & ~(alignment - 1);
        Assert.That((ulong)start + size, Is.LessThanOrEqualTo(_area.End), "test memory exhausted");
        _next = start + size;
        return start;
    }

    /// <summary>Allocates <paramref name="count"/> words holding <paramref name="values"/> (written host-side, before the run).</summary>
    public uint Words(params uint[] values)
    {
        uint start = Alloc((uint)values.Length * 4);
        for (int i = 0; i < values.Length; i++)
        {
            _k.Machine.Bus.Memory.WriteUInt32(start + (uint)(i * 4), values[i]);
        }

        return start;
    }

    public void Write(uint address, uint value) => _k.Machine.Cpu.WriteUInt32(address, value);

    public uint Read(uint address) => _k.Machine.Cpu.ReadUInt32(address);

    public void WriteBytes(uint address, ReadOnlySpan<byte> bytes) => _k.Machine.Cpu.WriteBlock(address, bytes);

    public byte[] ReadBytes(uint address, int count)
    {
        var bytes = new byte[count];
        _k.Machine.Cpu.ReadBlock(address, bytes);
        return bytes;
    }

    public uint Peek(uint address) => _k.Machine.Bus.Memory.ReadUInt32(address);
}
