namespace Bora.Kernel.Tests;

/// <summary>
/// A deterministic workload over events, timers, heaps, slabs and the system heap: 11 threads, a
/// periodic and a one-shot timer whose expiry functions post events, an interrupt line whose ISR
/// allocates and frees without waiting, heap contention with timeouts on a small k_heap, slab
/// waiters, and k_malloc traffic with checked writes into the blocks.
/// </summary>
internal static class ObjectsWorkload
{
    public static (TraceEvent[] Events, ulong Hash, string Summary) Run(int? hostDelaySeed = null)
    {
        KernelOptions options = TestBoards.Options();
        options.HostDelaySeed = hostDelaySeed;
        using var k = new BoraKernel(options);
        var log = new List<string>();
        EventHandle ev = k.DefineEvent("work_event");
        HeapHandle heap = k.DefineHeap("work_heap", 700);
        MemSlabHandle slab = k.DefineMemSlab("work_slab", 32, 4, 8);
        TimerHandle periodic = k.DefineTimer("periodic", _ => k_event_post(ev, 0x1));
        TimerHandle oneShot = k.DefineTimer("one_shot", _ => k_event_post(ev, 0x2), _ => k_event_post(ev, 0x4));
        int isrAllocs = 0;
        k.IrqConnect(7, 1, _ =>
        {
            if (k_mem_slab_alloc(slab, out uint block, K_FOREVER) == 0)
            {
                isrAllocs++;
                k_mem_slab_free(slab, block);
            }

            uint p = k_heap_alloc(heap, 64, K_NO_WAIT);
            k_heap_free(heap, p);
            k_event_post(ev, 0x8);
        }, 0);
        k.IrqEnable(7);

        k.CreateThread("timekeeper", (_, _, _) =>
        {
            k_timer_start(periodic, K_MSEC(3), K_MSEC(3));
            k_timer_start(oneShot, K_MSEC(20), K_NO_WAIT);
            k_msleep(45);
            k_timer_stop(periodic);
            log.Add($"periodic status {k_timer_status_get(periodic)}");
        }, 1);
        for (int w = 0; w < 3; w++)
        {
            int index = w;
            k.CreateThread($"event_waiter{w}", (_, _, _) =>
            {
                for (int i = 0; i < 5; i++)
                {
                    uint got = index == 0 ? k_event_wait(ev, 0x1, true, K_MSEC(10)) : k_event_wait(ev, 0x9u << index, false, K_MSEC(7));
                    log.Add($"waiter{index} {got:X} @{k_uptime_ticks()}");
                }
            }, 2 + index);
        }

        for (int h = 0; h < 3; h++)
        {
            int index = h;
            k.CreateThread($"heap_user{h}", (_, _, _) =>
            {
                for (int i = 0; i < 6; i++)
                {
                    uint p = k_heap_alloc(heap, 300 + (uint)(index * 40), K_MSEC(2));
                    log.Add($"heap{index} {(p == 0 ? "null" : "ok")} @{k_uptime_ticks()}");
                    if (p != 0)
                    {
                        k.Machine.Cpu.WriteUInt32(p, (uint)i);
                        k_busy_wait(2500);
                        k_heap_free(heap, p);
                    }

                    k_msleep(1);
                }
            }, 7 - index);
        }

        k.CreateThread("slab_hog", (_, _, _) =>
        {
            var held = new List<uint>();
            for (int i = 0; i < 6; i++)
            {
                int ret = k_mem_slab_alloc(slab, out uint b, K_MSEC(5));
                log.Add($"slab {ret} @{k_uptime_ticks()}");
                if (ret == 0)
                {
                    held.Add(b);
                }

                if (held.Count == 4 || i == 5)
                {
                    k_msleep(8);
                    held.ForEach(x => k_mem_slab_free(slab, x));
                    held.Clear();
                }
            }
        }, 4);
        k.CreateThread("slab_waiter", (_, _, _) =>
        {
            for (int i = 0; i < 6; i++)
            {
                int ret = k_mem_slab_alloc(slab, out uint b, K_MSEC(3));
                log.Add($"slab_waiter {ret} @{k_uptime_ticks()}");
                if (ret == 0)
                {
                    k_msleep(1);
                    k_mem_slab_free(slab, b);
                }
            }
        }, 3);
        k.CreateThread("irq_driver", (_, _, _) =>
        {
            for (int i = 0; i < 10; i++)
            {
                k_msleep(2);
                trigger_irq(7);
            }
        }, 0);
        k.CreateThread("mallocer", (_, _, _) =>
        {
            var blocks = new List<uint>();
            for (int i = 0; i < 20; i++)
            {
                uint p = k_calloc(8, 16 + (uint)i);
                k.Machine.Cpu.WriteUInt32(p, (uint)i);
                blocks.Add(p);
                if (i % 3 == 2)
                {
                    k_free(blocks[0]);
                    blocks.RemoveAt(0);
                    k_yield();
                }
            }

            blocks.ForEach(k_free);
            log.Add($"malloc free bytes {k.SystemHeap.FreeBytes}");
        }, 8);

        k.Boot();
        RunResult result = k.RunUntilIdle();
        Assert.That(result.Reason, Is.EqualTo(RunStopReason.Idle), () => $"workload did not finish: {result}");
        Assert.That(k.Trace.HasWrapped, Is.False);
        log.Add($"isr slab allocations {isrAllocs}");
        return (k.Trace.Snapshot(), k.Trace.Hash, string.Join("\n", log));
    }
}
