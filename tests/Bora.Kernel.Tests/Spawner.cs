namespace Bora.Kernel.Tests;

/// <summary>Creates helper threads from inside a test body (a thread object and a stack named after the thread).</summary>
internal static class Spawner
{
    public static ThreadHandle Spawn(BoraKernel k, string name, ThreadEntry entry, int priority, uint stackSize = 1024)
    {
        ThreadHandle thread = k.DeclareThread(name);
        StackHandle stack = k.DefineStack(name + "_stack", stackSize);
        return k_thread_create(thread, stack, stackSize, entry, 0, 0, 0, priority, 0, K_NO_WAIT);
    }
}
