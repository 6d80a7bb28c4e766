using BenchmarkDotNet.Attributes;
using Bora.Abi;
using Bora.Kernel;
using Bora.Kernel.Hosting;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Bench;

/// <summary>
/// Throughput between two threads on a real board (tracing on, checked copies, time accounting,
/// poll points): a producer and a consumer over a <c>k_msgq</c> of 16-byte messages with 8 slots, and a
/// writer and a reader over a 256-byte <c>k_pipe</c> moving 64-byte chunks. Each operation is one
/// message or one chunk handed from one thread to the other.
/// </summary>
[MemoryDiagnoser]
public class IpcBenchmarks
{
    private const int Messages = 10_000;
    private const uint MessageBytes = 16;
    private const uint ChunkBytes = 64;

    private BoraKernel _msgq = null!;
    private BoraKernel _pipe = null!;

    [Params("mps2-an385")]
    public string Board { get; set; } = "mps2-an385";

    [GlobalSetup]
    public void Setup()
    {
        _msgq = Build(DefineMsgqPair);
        _pipe = Build(DefinePipePair);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _msgq.Dispose();
        _pipe.Dispose();
    }

    /// <summary>Operations are 16-byte messages put by one thread and got by the other.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public RunStopReason MsgqPutGet() => BenchKernel.Run(_msgq);

    /// <summary>Operations are 64-byte chunks written by one thread and read by the other.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public RunStopReason PipePutGet() => BenchKernel.Run(_pipe);

    private BoraKernel Build(Action<BoraKernel, SemaphoreHandle> define) => BenchKernel.Build(Board, "bench-ipc", define);

    private static void DefineMsgqPair(BoraKernel kernel, SemaphoreHandle go)
    {
        MsgqHandle queue = kernel.DefineMsgq("queue", MessageBytes, 8);
        uint source = kernel.DefineBuffer("source", MessageBytes);
        uint sink = kernel.DefineBuffer("sink", MessageBytes);
        kernel.CreateThread("producer", (_, _, _) =>
        {
            while (true)
            {
                k_sem_take(go, K_FOREVER);
                for (int i = 0; i < Messages; i++)
                {
                    Require(k_msgq_put(queue, source, K_FOREVER), "k_msgq_put");
                }
            }
        }, 2);
        kernel.CreateThread("consumer", (_, _, _) =>
        {
            while (true)
            {
                Require(k_msgq_get(queue, sink, K_FOREVER), "k_msgq_get");
            }
        }, 1);
    }

    private static void DefinePipePair(BoraKernel kernel, SemaphoreHandle go)
    {
        PipeHandle pipe = kernel.DefinePipe("pipe", 256);
        uint source = kernel.DefineBuffer("source", ChunkBytes);
        uint sink = kernel.DefineBuffer("sink", ChunkBytes);
        kernel.CreateThread("writer", (_, _, _) =>
        {
            while (true)
            {
                k_sem_take(go, K_FOREVER);
                for (int i = 0; i < Messages; i++)
                {
                    Require(k_pipe_put(pipe, source, ChunkBytes, out _, ChunkBytes, K_FOREVER), "k_pipe_put");
                }
            }
        }, 2);
        kernel.CreateThread("reader", (_, _, _) =>
        {
            while (true)
            {
                Require(k_pipe_get(pipe, sink, ChunkBytes, out _, ChunkBytes, K_FOREVER), "k_pipe_get");
            }
        }, 1);
    }

    private static void Require(int rc, string call)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"{call} returned {rc} in the benchmark");
        }
    }
}
