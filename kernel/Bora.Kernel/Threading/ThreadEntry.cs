namespace Bora.Kernel.Threading;

/// <summary>A thread entry point: Zephyr's <c>k_thread_entry_t</c>, three word arguments.</summary>
public delegate void ThreadEntry(uint p1, uint p2, uint p3);
