using Bora.Abi;
using Bora.Kernel;
using static Bora.Kernel.Zephyr.K;

namespace Bora.Cli.Samples;

/// <summary>
/// Zephyr's <c>samples/philosophers</c> with its defaults: six philosophers, mutex forks initialised at
/// run time, two cooperative threads (priorities -2, -1) and four preemptible ones (0–3), Dijkstra's
/// lowest-fork-first order, eat and think times from the sample's uptime-based "random" delay
/// (<c>((k_uptime_get_32() / 100 * (id + 1)) &amp; 0x1f) + 1</c> times 25 ms), and
/// <c>k_sched_time_slice_set(5000, 0)</c> (CONFIG_TIMESLICING). Threads are supervisor threads until
/// the syscall gate lands (the sample creates them <c>K_USER</c>). Instead of repainting a table with
/// ANSI cursor moves, each state change is one line stamped with the virtual time.
/// </summary>
internal sealed class Philosophers : ISample
{
    private const int NumPhil = 6;
    private const uint StackSize = 768;

    public string Name => "philosophers";

    public string Description => "Zephyr's dining philosophers: six threads, mutex forks, cooperative and preemptible priorities";

    /// <summary>Meals eaten so far, per philosopher.</summary>
    public int[] Meals { get; } = new int[NumPhil];

    public void Define(BoraKernel kernel, Action<string> print)
    {
        var forks = new MutexHandle[NumPhil];
        var threads = new ThreadHandle[NumPhil];
        var stacks = new StackHandle[NumPhil];
        for (int i = 0; i < NumPhil; i++)
        {
            forks[i] = kernel.DefineMutex($"fork{i}");
            threads[i] = kernel.DeclareThread($"philosopher{i}");
            stacks[i] = kernel.DefineStack($"philosopher{i}_stack", StackSize);
        }

        void PrintState(int id, string state) =>
            print(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{kernel.Now.TotalSeconds,9:F6}] {Label(id)} {state}"));

        string Label(int id)
        {
            int prio = k_thread_priority_get(k_current_get());
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Philosopher {id} [{(prio < 0 ? "C" : "P")}:{(prio < 0 ? "" : " ")}{prio}]");
        }

        void Philosopher(uint p1, uint p2, uint p3)
        {
            int id = (int)p1;

            // Dijkstra's solution: always pick up the lowest-numbered fork first.
            MutexHandle fork1 = id == NumPhil - 1 ? forks[0] : forks[id];
            MutexHandle fork2 = id == NumPhil - 1 ? forks[id] : forks[id + 1];
            while (true)
            {
                PrintState(id, "STARVING");
                k_mutex_lock(fork1, K_FOREVER);
                PrintState(id, "HOLDING ONE FORK");
                k_mutex_lock(fork2, K_FOREVER);

                int delay = RandomDelay(id, 25);
                PrintState(id, $"EATING  [ {(delay < 1000 ? " " : "")}{delay} ms ]");
                Meals[id]++;
                k_msleep(delay);

                k_mutex_unlock(fork2);
                PrintState(id, "DROPPED ONE FORK");
                k_mutex_unlock(fork1);

                delay = RandomDelay(id, 25);
                PrintState(id, $"THINKING [ {(delay < 1000 ? " " : "")}{delay} ms ]");
                k_msleep(delay);
            }
        }

        kernel.Boot((_, _, _) =>
        {
            print("Demo Description");
            print("----------------");
            print("An implementation of a solution to the Dining Philosophers problem (a classic");
            print("multi-thread synchronization problem). This particular implementation demonstrates");
            print("the usage of multiple preemptible and cooperative threads of differing priorities,");
            print("as well as dynamic mutexes and thread sleeping.");
            k_sched_time_slice_set(5000, 0);
            for (int i = 0; i < NumPhil; i++)
            {
                k_mutex_init(forks[i]);
            }

            for (int i = 0; i < NumPhil; i++)
            {
                // Two cooperative threads (-2, -1) and four preemptible ones (0..3): -(i - NUM_PHIL / 2).
                int prio = -(i - (NumPhil / 2));
                k_thread_create(threads[i], stacks[i], StackSize, Philosopher, (uint)i, 0, 0, prio, ThreadOptions.None, K_FOREVER);
                k_thread_start(threads[i]);
            }
        });
    }

    /// <summary>The sample's <c>get_random_delay</c>: unit-less, from the id and the uptime, 1..32 periods.</summary>
    private static int RandomDelay(int id, int periodMs)
    {
        int delay = (int)((k_uptime_get_32() / 100 * (uint)(id + 1)) & 0x1f);
        return (delay + 1) * periodMs;
    }
}
