using System.Text;
using Bora.Abi;
using Bora.Cli.Layout;
using Bora.Cli.Samples.ProdConsumer;
using Bora.Kernel;
using Bora.Kernel.AppMemory;
using Bora.Kernel.Memory;
using static Bora.Kernel.Zephyr.K;
using M = Bora.Cli.Samples.SharedMem.SharedMemMemory;

namespace Bora.Cli.Samples.SharedMem;

/// <summary>
/// Zephyr's <c>samples/userspace/shared_mem</c>: three user threads in three memory domains pass a message through
/// two shared partitions. <c>pt</c> (dom0: part0, part1) writes plaintext into <c>BUFIN</c>; <c>enc</c> (dom1: part2,
/// part1, part3) encrypts it with its private wheels into <c>BUFOUT</c>; <c>ct</c> (dom2: part4, part3) prints it. The
/// partitions are automatic: the build gathers the tagged globals and the kernel lays them out per board.
/// </summary>
/// <remarks>
/// Differences (docs/samples.md): system calls go through prod_consumer's <see cref="SyscallGateStandIn"/>; thread
/// addresses are not printed (they differ per board); main returns instead of aborting itself (main is essential in
/// Bora until it returns); the wheel tables are Enigma rotors I and II and reflector B, so <c>ptMSG2</c> is the
/// ciphertext of "messagetoencrypt" under them.
/// </remarks>
internal sealed class SharedMemSample : ISample, IAppMemorySample
{
    private const uint StackSize = 2048;
    private const int PtFirstDelayMs = 20;
    private const int PtPeriodMs = 50;

    public string Name => "shared_mem";

    public string Description => "Zephyr's userspace shared_mem: three user threads in three domains, an encryption pipeline through automatic partitions";

    public string DefaultDuration => "100ms";

    /// <inheritdoc/>
    public AppMemoryImage AppMemory => Image;

    /// <summary>The sample's app memory.</summary>
    public static AppMemoryImage Image => AppMemoryImage.Create([AppMemoryManifest.Of(typeof(SharedMemSample).Assembly)], M.Names);

    public void Define(BoraKernel kernel, Action<string> print)
    {
        kernel.LoadAppMemory(Image);
        var gate = new SyscallGateStandIn(kernel);
        SemaphoreHandle allforone = kernel.DefineSemaphore("allforone", 0, 3);
        ThreadHandle encThread = kernel.DeclareThread("enc_thread");
        StackHandle encStack = kernel.DefineStack("enc_stack", StackSize);
        ThreadHandle ptThread = kernel.DeclareThread("pt_thread");
        StackHandle ptStack = kernel.DefineStack("pt_stack", StackSize);
        ThreadHandle ctThread = kernel.DeclareThread("ct_thread");
        StackHandle ctStack = kernel.DefineStack("ct_stack", StackSize);
        var threads = new Threads(gate, allforone, print);

        kernel.Boot((_, _, _) =>
        {
            MemPartition part0 = SharedMemMemory.part0.Partition, part1 = SharedMemMemory.part1.Partition, part2 = SharedMemMemory.part2.Partition;
            MemPartition part3 = SharedMemMemory.part3.Partition, part4 = SharedMemMemory.part4.Partition;

            // k_thread_access_grant(k_current_get(), &allforone) and below for each thread: object permissions come with the syscall gate.
            ThreadHandle tEnc = k_thread_create(encThread, encStack, StackSize, threads.Enc, 0, 0, 0, -1, K_USER, K_FOREVER);
            print("ENC Thread Created");
            MemoryDomain dom1 = K_MEM_DOMAIN("dom1");
            k_mem_domain_init(dom1, 3, [part2, part1, part3]);
            print("Partitions added to dom1");
            k_mem_domain_add_thread(dom1, tEnc);
            print("dom1 Created");

            ThreadHandle tPt = k_thread_create(ptThread, ptStack, StackSize, threads.Pt, 0, 0, 0, -1, K_USER, K_FOREVER);
            print("PT Thread Created");
            MemoryDomain dom0 = K_MEM_DOMAIN("dom0");
            k_mem_domain_init(dom0, 2, [part0, part1]);
            k_mem_domain_add_thread(dom0, tPt);
            print("dom0 Created");

            ThreadHandle tCt = k_thread_create(ctThread, ctStack, StackSize, threads.Ct, 0, 0, 0, -1, K_USER, K_FOREVER);
            print("CT Thread Created");
            MemoryDomain dom2 = K_MEM_DOMAIN("dom2");
            k_mem_domain_init(dom2, 2, [part4, part3]);
            k_mem_domain_add_thread(dom2, tCt);
            print("dom2 Created");

            k_thread_start(tEnc);
            print("ENC thread started");
            k_thread_start(tPt);
            print("PT thread started");
            k_thread_start(tCt);
            k_sem_give(allforone);
            print("CT thread started");
        });
    }

    /// <summary>The three user threads' entries.</summary>
    private sealed class Threads(SyscallGateStandIn gate, SemaphoreHandle allforone, Action<string> print)
    {
        /// <summary><c>enc</c>: initialises the wheels once, then encrypts each message it finds in <c>BUFIN</c> into <c>BUFOUT</c>.</summary>
        public void Enc(uint p1, uint p2, uint p3)
        {
            if (M.enc_state.Value == 1)
            {
                M.fBUFIN.Value = 0;
                M.fBUFOUT.Value = 0;
                Enigma.CalcRevWheel(M.W1, M.W1R);
                Enigma.CalcRevWheel(M.W2, M.W2R);
                Enigma.CalcRevWheel(M.W3, M.W3R);
                M.IW1.Value = 0;
                M.IW2.Value = 0;
                M.IW3.Value = 0;
                M.enc_state.Value = 0;
            }

            while (true)
            {
                Take();
                if (M.fBUFIN.Value == 1)
                {
                    print("ENC Thread Received Data");
                    Copy(M.enc_pt, M.BUFIN, M.BlockSize);
                    print($"ENC PT MSG: {CString(M.enc_pt)}");
                    M.fBUFIN.Value = 0;
                    M.IW1.Value = 7;
                    M.IW2.Value = 2;
                    M.IW3.Value = 3;
                    Fill(M.enc_ct, 0, M.BlockSize);
                    for (int index = 0, indexOut = 0; index < M.BlockSize; index++)
                    {
                        byte c = M.enc_pt[index];
                        if (c == 0)
                        {
                            M.enc_ct[indexOut] = 0;
                            break;
                        }

                        if (c is >= (byte)'a' and <= (byte)'z')
                        {
                            M.enc_ct[indexOut++] = Enigma.Encrypt(c);
                        }
                    }

                    while (M.fBUFOUT.Value != 0)
                    {
                        gate.Invoke(() => k_sleep(K_MSEC(100)));
                    }

                    Copy(M.BUFOUT, M.enc_ct, M.BlockSize);
                    M.fBUFOUT.Value = 1;
                }

                Give();
            }
        }

        /// <summary>
        /// <c>pt</c>: sends the plaintext, then the ciphertext of the same message, after 20 ms and every 50 ms (Zephyr: 2 s
        /// and 5 s; enc and ct pass the semaphore back and forth while pt sleeps, which costs host time per virtual second).
        /// </summary>
        public void Pt(uint p1, uint p2, uint p3)
        {
            gate.Invoke(() => k_sleep(K_MSEC(PtFirstDelayMs)));
            while (true)
            {
                Take();
                if (M.fBUFIN.Value == 0)
                {
                    print(string.Empty);
                    print("PT Sending Message 1");
                    Fill(M.BUFIN, 0, M.BlockSize);
                    Copy(M.BUFIN, M.ptMSG, M.ptMSG.Length);
                    M.fBUFIN.Value = 1;
                }

                Give();
                Take();
                if (M.fBUFIN.Value == 0)
                {
                    print(string.Empty);
                    print("PT Sending Message 1'");
                    Fill(M.BUFIN, 0, M.BlockSize);
                    Copy(M.BUFIN, M.ptMSG2, M.ptMSG2.Length);
                    M.fBUFIN.Value = 1;
                }

                Give();
                gate.Invoke(() => k_sleep(K_MSEC(PtPeriodMs)));
            }
        }

        /// <summary><c>ct</c>: prints each message <c>enc</c> leaves in <c>BUFOUT</c>.</summary>
        public void Ct(uint p1, uint p2, uint p3)
        {
            while (true)
            {
                Take();
                if (M.fBUFOUT.Value == 1)
                {
                    print("CT Thread Received Message");
                    var tbuf = new StringBuilder();
                    for (int i = 0; i < M.BlockSize && M.BUFOUT[i] != 0; i++)
                    {
                        tbuf.Append((char)M.BUFOUT[i]);
                    }

                    M.fBUFOUT.Value = 0;
                    print($"CT MSG: {tbuf}");
                }

                Give();
            }
        }

        private void Take() => gate.Invoke(() => k_sem_take(allforone, K_FOREVER));

        private void Give() => gate.Invoke(() =>
        {
            k_sem_give(allforone);
            return 0;
        });

        private static void Copy(AppArray<byte> to, AppArray<byte> from, int n)
        {
            for (int i = 0; i < n && i < from.Length; i++)
            {
                to[i] = from[i];
            }
        }

        private static void Fill(AppArray<byte> to, byte value, int n)
        {
            for (int i = 0; i < n; i++)
            {
                to[i] = value;
            }
        }

        private static string CString(AppArray<byte> s)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < s.Length && s[i] != 0; i++)
            {
                sb.Append((char)s[i]);
            }

            return sb.ToString().TrimEnd('\n');
        }
    }
}
