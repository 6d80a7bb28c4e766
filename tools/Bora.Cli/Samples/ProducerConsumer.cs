using System.Globalization;
using Bora.Abi;
using Bora.Kernel;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples;

/// <summary>
/// A producer and a consumer over a <c>k_msgq</c> (in the style of Zephyr's message-queue samples): the
/// producer (priority 5) sends 24 four-byte messages in bursts of three every 100 ms into a queue of
/// four; the consumer (priority 6) takes each with <c>K_FOREVER</c> and works 40 ms per message, so the
/// queue fills and the producer blocks in <c>k_msgq_put</c>. Every line is stamped with the virtual time;
/// the consumer prints a summary (count, sum, the most messages ever queued) when the last one arrives.
/// </summary>
internal sealed class ProducerConsumer : ISample
{
    private const uint StackSize = 1024;
    private const uint MsgSize = 4;
    private const uint MaxMsgs = 4;
    private const int Total = 24;
    private const int Burst = 3;

    public string Name => "producer_consumer";

    public string Description => "a producer and a consumer thread over a k_msgq: bursts, a full queue, blocking puts";

    public void Define(BoraKernel kernel, Action<string> print)
    {
        MsgqHandle queue = kernel.DefineMsgq("my_msgq", MsgSize, MaxMsgs);
        ThreadHandle producer = kernel.DeclareThread("producer");
        ThreadHandle consumer = kernel.DeclareThread("consumer");
        StackHandle producerStack = kernel.DefineStack("producer_stack", StackSize);
        StackHandle consumerStack = kernel.DefineStack("consumer_stack", StackSize);
        uint data = kernel.Layout.ReservePartition("producer_consumer_data", 4096, 4096).Start;
        uint txBuffer = data;
        uint rxBuffer = data + 4;

        void Print(string text) =>
            print(string.Create(CultureInfo.InvariantCulture, $"[{kernel.Now.TotalSeconds,9:F6}] {text}"));

        void Producer(uint p1, uint p2, uint p3)
        {
            for (uint i = 1; i <= Total; i++)
            {
                kernel.Machine.Cpu.WriteUInt32(txBuffer, i * 10);
                uint freeBefore = k_msgq_num_free_get(queue);
                int rc = k_msgq_put(queue, txBuffer, K_FOREVER);
                Print(string.Create(CultureInfo.InvariantCulture, $"producer: put {i * 10,3} (rc {rc}, {(freeBefore == 0 ? "waited for room" : "no wait")})"));
                if (i % Burst == 0)
                {
                    k_msleep(100);
                }
            }

            Print("producer: done");
        }

        void Consumer(uint p1, uint p2, uint p3)
        {
            uint sum = 0;
            uint maxUsed = 0;
            for (int n = 1; n <= Total; n++)
            {
                maxUsed = Math.Max(maxUsed, k_msgq_num_used_get(queue));
                int rc = k_msgq_get(queue, rxBuffer, K_FOREVER);
                uint value = kernel.Machine.Cpu.ReadUInt32(rxBuffer);
                sum += value;
                Print(string.Create(CultureInfo.InvariantCulture, $"consumer: got {value,3} (rc {rc}, {k_msgq_num_used_get(queue)} left)"));
                k_busy_wait(40_000);
            }

            Print(string.Create(CultureInfo.InvariantCulture, $"summary: {Total} messages, sum {sum}, at most {maxUsed} of {MaxMsgs} queued"));
        }

        kernel.Boot((_, _, _) =>
        {
            print("Producer/consumer over a k_msgq");
            print(string.Create(CultureInfo.InvariantCulture, $"{Total} messages of {MsgSize} bytes, queue of {MaxMsgs}, bursts of {Burst} every 100 ms, 40 ms of work per message"));
            k_thread_create(producer, producerStack, StackSize, Producer, 0, 0, 0, 5, ThreadOptions.None, K_NO_WAIT);
            k_thread_create(consumer, consumerStack, StackSize, Consumer, 0, 0, 0, 6, ThreadOptions.None, K_NO_WAIT);
        });
    }
}
