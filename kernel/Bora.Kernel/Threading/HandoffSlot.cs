namespace Bora.Kernel.Threading;

/// <summary>
/// Where one host thread parks while another holds the baton. Hand-off spins for about a
/// microsecond, then blocks. A slot holds at most one pending release; a second release before the
/// wait is a kernel bug and throws.
/// </summary>
internal sealed class HandoffSlot : IDisposable
{
    private const int SpinIterations = 20;
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Wakes the host thread parked here (or lets its next wait pass at once).</summary>
    public void Release() => _semaphore.Release();

    /// <summary>Parks until released; returns <see langword="false"/> if <paramref name="timeout"/> passes first.</summary>
    public bool Wait(TimeSpan timeout)
    {
        for (int i = 0; i < SpinIterations; i++)
        {
            if (_semaphore.Wait(0))
            {
                return true;
            }

            Thread.SpinWait(8);
        }

        return _semaphore.Wait(timeout);
    }

    /// <inheritdoc/>
    public void Dispose() => _semaphore.Dispose();
}
