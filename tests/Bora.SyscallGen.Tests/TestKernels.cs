namespace Bora.SyscallGen.Tests;

/// <summary>Declaration sources the tests compile.</summary>
internal static class TestKernels
{
    /// <summary>
    /// Every kind of argument and result: one-word objects, a two-word timeout, a 64-bit result through the result
    /// pointer, more than six words (k_thread_create: 11, k_mix: 9 with its result pointer), and an unbuilt syscall.
    /// Each verifier logs what it received.
    /// </summary>
    public const string Demo = """
        using System.Collections.Generic;
        using Bora.Kernel.Syscalls;

        namespace Demo;

        public static partial class KDemo
        {
            public static List<string> Log { get; } = new();

            [Syscall]
            public static void k_sem_give(SemaphoreHandle sem) => Log.Add($"impl k_sem_give {sem}");

            private static void z_vrfy_k_sem_give(SemaphoreHandle sem) => Log.Add($"vrfy k_sem_give {sem}");

            [Syscall]
            public static int k_sem_take(SemaphoreHandle sem, KTimeout timeout) => 0;

            private static int z_vrfy_k_sem_take(SemaphoreHandle sem, KTimeout timeout)
            {
                Log.Add($"vrfy k_sem_take {sem} {timeout}");
                return -11;
            }

            [Syscall]
            public static long k_uptime_ticks() => 0;

            private static long z_vrfy_k_uptime_ticks()
            {
                Log.Add("vrfy k_uptime_ticks");
                return 0x0123_4567_89AB_CDEF;
            }

            [Syscall(Implemented = false)]
            public static int k_float_disable(ThreadHandle thread) => -88;

            [Syscall("k_thread_create")]
            public static ThreadHandle ThreadCreate(ThreadHandle thread, UserPtr stack, uint stackSize, uint entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay) => thread;

            private static ThreadHandle z_vrfy_k_thread_create(ThreadHandle thread, UserPtr stack, uint stackSize, uint entry, uint p1, uint p2, uint p3, int prio, ThreadOptions options, KTimeout delay)
            {
                Log.Add($"vrfy k_thread_create {thread} {stack} {stackSize} {entry:X} {p1} {p2} {p3} {prio} {options} {delay}");
                return new ThreadHandle(thread.Address + 1);
            }

            [Syscall]
            public static ulong k_mix(long a, ulong b, short c, byte d, bool e, FatalReason f) => 0;

            private static ulong z_vrfy_k_mix(long a, ulong b, short c, byte d, bool e, FatalReason f)
            {
                Log.Add($"vrfy k_mix {a} {b:X} {c} {d} {e} {f}");
                return b + 1;
            }
        }
        """;

    /// <summary>
    /// A harness compiled beside <see cref="Demo"/>: a fake context over a word-addressed user memory that logs oopses,
    /// the trace hooks and memory traffic, and a loop-back trap that hands stub calls straight to the dispatcher.
    /// </summary>
    public const string Fakes = """
        using System.Collections.Generic;
        using Bora.Kernel.Syscalls;

        namespace Demo;

        public sealed class OopsException(string message) : Exception(message);

        public sealed class FakeContext : ISyscallContext
        {
            public Dictionary<uint, uint> Memory { get; } = new();
            public uint ReadableLimit { get; set; } = 0x2000_0000;

            public void Oops(string message)
            {
                KDemo.Log.Add("oops " + message);
                throw new OopsException(message);
            }

            public void ReadUserWords(uint address, Span<uint> destination)
            {
                KDemo.Log.Add($"read {destination.Length} words at 0x{address:X}");
                if (address >= ReadableLimit)
                {
                    Oops($"Memory region 0x{address:X} (size {destination.Length * 4}) read access denied");
                }

                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = Memory.TryGetValue(address + (uint)(4 * i), out uint w) ? w : 0xDEADBEEF;
                }
            }

            public void WriteUserUInt64(uint address, ulong value)
            {
                KDemo.Log.Add($"write 0x{value:X} at 0x{address:X}");
                Memory[address] = (uint)value;
                Memory[address + 4] = (uint)(value >> 32);
            }

            public void TraceEnter(uint id, string name) => KDemo.Log.Add($"enter {id} {name}");

            public void TraceExit(uint id, string name, uint result) => KDemo.Log.Add($"exit {id} {name} 0x{result:X}");
        }

        public sealed class LoopbackTrap : IUserTrap
        {
            private uint _sp = 0x1000_0000;

            public FakeContext Context { get; } = new();

            public uint Invoke(uint id, uint arg0, uint arg1, uint arg2, uint arg3, uint arg4, uint arg5) =>
                SyscallDispatcher.Dispatch(Context, id, arg0, arg1, arg2, arg3, arg4, arg5);

            public uint PushWords(ReadOnlySpan<uint> words)
            {
                _sp -= (uint)(4 * words.Length);
                for (int i = 0; i < words.Length; i++)
                {
                    Context.Memory[_sp + (uint)(4 * i)] = words[i];
                }

                return _sp;
            }

            public void PopWords(int count) => _sp += (uint)(4 * count);

            public ulong ReadUInt64(uint address) => Context.Memory[address] | ((ulong)Context.Memory[address + 4] << 32);
        }

        public static class Probe
        {
            /// <summary>Dispatches one call and returns the log: verifier calls, trace hooks, memory traffic, oopses and the result.</summary>
            public static string Dispatch(uint id, uint[] words, uint[] memoryAt0x100)
            {
                KDemo.Log.Clear();
                var context = new FakeContext();
                for (int i = 0; i < memoryAt0x100.Length; i++)
                {
                    context.Memory[0x100 + (uint)(4 * i)] = memoryAt0x100[i];
                }

                try
                {
                    uint result = SyscallDispatcher.Dispatch(context, id, words[0], words[1], words[2], words[3], words[4], words[5]);
                    KDemo.Log.Add($"result 0x{result:X}");
                }
                catch (OopsException)
                {
                }

                if (context.Memory.TryGetValue(0x200, out uint lo))
                {
                    KDemo.Log.Add($"mem[0x200] 0x{context.Memory[0x204]:X8}{lo:X8}");
                }

                return string.Join("\n", KDemo.Log);
            }
        }
        """;
}
