using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Bora.Machine;

namespace Bora.Bench;

/// <summary>
/// A warm-cache checked 4-byte load over a 64 KiB buffer against a <see cref="BinaryPrimitives"/> read
/// of the same bytes in the same order; per protection model, with and without a small region next to
/// the accessed bytes. The checked path includes time accounting and the poll-point test.
/// </summary>
[MemoryDiagnoser]
public class CheckedLoadBenchmarks
{
    private const int BufferBytes = 64 * 1024;
    private const int Loads = BufferBytes / 4;

    private readonly byte[] _host = new byte[BufferBytes];
    private Cpu _cpu = null!;
    private uint _base;

    public static IEnumerable<string> Targets => BenchTargets.All.Select(t => t.Name);

    [ParamsSource(nameof(Targets))]
    public string Model { get; set; } = "none";

    [Params(false, true)]
    public bool SmallNeighbour { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cpu = BenchTargets.Find(Model).Build(SmallNeighbour, out _base);
        for (uint i = 0; i < BufferBytes; i += 4)
        {
            _cpu.Bus.Memory.WriteUInt32(_base + i, i);
            BinaryPrimitives.WriteUInt32LittleEndian(_host.AsSpan((int)i), i);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Loads)]
    public uint Unchecked()
    {
        uint sum = 0;
        byte[] host = _host;
        for (int i = 0; i < BufferBytes; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32LittleEndian(host.AsSpan(i));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Loads)]
    public uint Checked()
    {
        uint sum = 0;
        Cpu cpu = _cpu;
        uint end = _base + BufferBytes;
        for (uint a = _base; a < end; a += 4)
        {
            sum += cpu.ReadUInt32(a);
        }

        return sum;
    }
}
