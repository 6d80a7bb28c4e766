using System.Globalization;
using Bora.Abi;
using Bora.Kernel;
using Bora.Kernel.Objects;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples;

/// <summary>
/// <c>k_poll</c> over four sources: a semaphore given by a thread every 300 ms, a FIFO fed by a thread
/// every 500 ms, a message queue fed by a timer ISR every 700 ms and a poll signal raised by a timer ISR
/// every 1100 ms. The consumer waits on all four at once, prints which sources fired, consumes them and
/// clears the states; after 20 wake-ups it stops the timers and prints a summary.
/// </summary>
internal sealed class PollSample : ISample
{
    private const uint StackSize = 1024;
    private const int WakeUps = 20;

    public string Name => "poll";

    public string Description => "k_poll on a semaphore, a FIFO, a msgq and a poll signal fed by threads and timer ISRs";

    public void Define(BoraKernel kernel, Action<string> print)
    {
        SemaphoreHandle sem = kernel.DefineSemaphore("poll_sem", 0, 10);
        FifoHandle fifo = kernel.DefineFifo("poll_fifo");
        MsgqHandle msgq = kernel.DefineMsgq("poll_msgq", 4, 4);
        PollSignalHandle signal = kernel.DefinePollSignal("poll_signal");
        ThreadHandle consumer = kernel.DeclareThread("poller");
        ThreadHandle semFeeder = kernel.DeclareThread("sem_feeder");
        ThreadHandle fifoFeeder = kernel.DeclareThread("fifo_feeder");
        StackHandle consumerStack = kernel.DefineStack("poller_stack", StackSize);
        StackHandle semStack = kernel.DefineStack("sem_feeder_stack", StackSize);
        StackHandle fifoStack = kernel.DefineStack("fifo_feeder_stack", StackSize);
        uint data = kernel.Layout.ReservePartition("poll_sample_data", 4096, 4096).Start;
        uint events = data;                       // 4 × struct k_poll_event
        uint isrMsg = data + 0x100;                // the ISR's message buffer
        uint rxMsg = data + 0x104;
        uint fifoItems = data + 0x200;             // 16 items of 8 bytes: link word, value
        uint msgqCount = 0;
        uint fifoCount = 0;
        int signalCount = 0;
        TimerHandle msgqTimer = kernel.DefineTimer("msgq_timer", _ => MsgqTimerIsr());
        TimerHandle signalTimer = kernel.DefineTimer("signal_timer", _ => SignalTimerIsr());

        void Print(string text) =>
            print(string.Create(CultureInfo.InvariantCulture, $"[{kernel.Now.TotalSeconds,9:F6}] {text}"));

        void MsgqTimerIsr()
        {
            msgqCount++;
            kernel.Machine.Cpu.WriteUInt32(isrMsg, 1000 + msgqCount);
            _ = k_msgq_put(msgq, isrMsg, K_NO_WAIT);
        }

        void SignalTimerIsr() => k_poll_signal_raise(signal, ++signalCount);

        void SemFeeder(uint p1, uint p2, uint p3)
        {
            while (true)
            {
                k_msleep(300);
                k_sem_give(sem);
            }
        }

        void FifoFeeder(uint p1, uint p2, uint p3)
        {
            while (true)
            {
                k_msleep(500);
                uint item = fifoItems + ((fifoCount % 16) * 8);
                kernel.Machine.Cpu.WriteUInt32(item + 4, 500 + ++fifoCount);
                k_fifo_put(fifo, item);
            }
        }

        uint State(int i) => PollEventLayout.State(kernel.Machine.Cpu.ReadUInt32(events + ((uint)i * K_POLL_EVENT_SIZE) + PollEventLayout.BitsOffset));

        void Poller(uint p1, uint p2, uint p3)
        {
            uint[] types = [K_POLL_TYPE_SEM_AVAILABLE, K_POLL_TYPE_FIFO_DATA_AVAILABLE, K_POLL_TYPE_MSGQ_DATA_AVAILABLE, K_POLL_TYPE_SIGNAL];
            uint[] objects = [sem.Address, fifo.Address, msgq.Address, signal.Address];
            var counts = new int[4];
            for (int wake = 1; wake <= WakeUps; wake++)
            {
                for (int i = 0; i < 4; i++)
                {
                    k_poll_event_init(events + ((uint)i * K_POLL_EVENT_SIZE), types[i], K_POLL_MODE_NOTIFY_ONLY, objects[i]);
                }

                int rc = k_poll(events, 4, K_FOREVER);
                var fired = new List<string>();
                if (State(0) == K_POLL_STATE_SEM_AVAILABLE && k_sem_take(sem, K_NO_WAIT) == 0)
                {
                    fired.Add("semaphore");
                    counts[0]++;
                }

                if (State(1) == K_POLL_STATE_FIFO_DATA_AVAILABLE && k_fifo_get(fifo, K_NO_WAIT) is uint item and not 0)
                {
                    fired.Add(string.Create(CultureInfo.InvariantCulture, $"fifo item {kernel.Machine.Cpu.ReadUInt32(item + 4)}"));
                    counts[1]++;
                }

                if (State(2) == K_POLL_STATE_MSGQ_DATA_AVAILABLE && k_msgq_get(msgq, rxMsg, K_NO_WAIT) == 0)
                {
                    fired.Add(string.Create(CultureInfo.InvariantCulture, $"msgq message {kernel.Machine.Cpu.ReadUInt32(rxMsg)}"));
                    counts[2]++;
                }

                if (State(3) == K_POLL_STATE_SIGNALED)
                {
                    k_poll_signal_check(signal, out _, out int result);
                    k_poll_signal_reset(signal);
                    fired.Add(string.Create(CultureInfo.InvariantCulture, $"signal result {result}"));
                    counts[3]++;
                }

                Print(string.Create(CultureInfo.InvariantCulture, $"wake {wake,2} (rc {rc}): {string.Join(", ", fired)}"));
            }

            k_timer_stop(msgqTimer);
            k_timer_stop(signalTimer);
            k_thread_abort(semFeeder);
            k_thread_abort(fifoFeeder);
            Print(string.Create(CultureInfo.InvariantCulture, $"summary: {WakeUps} wake-ups; semaphore {counts[0]}, fifo {counts[1]}, msgq {counts[2]}, signal {counts[3]}"));
        }

        kernel.Boot((_, _, _) =>
        {
            print("k_poll on four sources: a semaphore (thread, 300 ms), a FIFO (thread, 500 ms),");
            print("a msgq (timer ISR, 700 ms) and a poll signal (timer ISR, 1100 ms)");
            k_poll_signal_init(signal);
            k_thread_create(consumer, consumerStack, StackSize, Poller, 0, 0, 0, 2, ThreadOptions.None, K_NO_WAIT);
            k_thread_create(semFeeder, semStack, StackSize, SemFeeder, 0, 0, 0, 4, ThreadOptions.None, K_NO_WAIT);
            k_thread_create(fifoFeeder, fifoStack, StackSize, FifoFeeder, 0, 0, 0, 4, ThreadOptions.None, K_NO_WAIT);
            k_timer_start(msgqTimer, K_MSEC(700), K_MSEC(700));
            k_timer_start(signalTimer, K_MSEC(1100), K_MSEC(1100));
        });
    }
}
