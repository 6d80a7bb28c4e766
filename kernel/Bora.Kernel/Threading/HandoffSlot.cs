using System.Diagnostics;

namespace Bora.Kernel.Threading;

/// <summary>
/// Where one host thread parks while another holds the baton: a lock-free flag the parked thread
/// spins on for about a microsecond, then an event it blocks on only if the baton has still not
/// arrived. A slot holds at most one pending release; a second release before the wait is a kernel
/// bug and throws.
/// </summary>
/// <remarks>
/// States: <c>Empty</c> (nothing pending, nobody blocked), <c>Released</c> (a release is pending), and
/// <c>Blocked</c> (the waiter gave up spinning and sleeps on the event). The waiter moves
/// Empty → Blocked with a compare-exchange, so a release that lands first makes that exchange fail and
/// the waiter takes it without sleeping; the releaser swaps in Released and sets the event only if it
/// saw Blocked. No wake-up can be lost, and the common hand-off never touches the event.
/// </remarks>
internal sealed class HandoffSlot : IDisposable
{
    private const int Empty = 0;
    private const int Released = 1;
    private const int Blocked = 2;

    /// <summary>How long a waiter spins before blocking (DESIGN §2: about a microsecond).</summary>
    private static readonly long s_spinTicks = Math.Max(1, Stopwatch.Frequency / 1_000_000);

    /// <summary>How long a waiter keeps waiting (yielding) for a baton still in flight to a waking thread.</summary>
    private static readonly long s_inFlightTicks = Math.Max(1, Stopwatch.Frequency / 20_000);

    private readonly ManualResetEventSlim _event = new(false, spinCount: 1);
    private int _state;

    /// <summary>Wakes the host thread parked here (or lets its next wait pass at once).</summary>
    /// <exception cref="InvalidOperationException">A release is already pending (a kernel bug).</exception>
    public void Release()
    {
        int previous = Interlocked.Exchange(ref _state, Released);
        if (previous == Blocked)
        {
            _event.Set();
        }
        else if (previous == Released)
        {
            throw new InvalidOperationException("baton released twice to one parked thread: a Bora kernel bug");
        }
    }

    /// <summary>Whether a release is pending: the released thread has not picked the baton up yet.</summary>
    public bool IsPending => Volatile.Read(ref _state) == Released;

    /// <summary>
    /// Parks until released; returns <see langword="false"/> if <paramref name="timeout"/> passes first.
    /// <paramref name="handedTo"/> is the slot this thread just released: while that release is still
    /// pending (the next holder is waking up and has not taken the baton), the hand-off is in flight and
    /// the ~1 µs spin has not started; the wait yields meanwhile, for at most 50 µs.
    /// </summary>
    public bool Wait(TimeSpan timeout, HandoffSlot? handedTo = null)
    {
        if (TrySpin(handedTo))
        {
            return true;
        }

        if (Interlocked.CompareExchange(ref _state, Blocked, Empty) != Empty)
        {
            // Released while we stopped spinning.
            Volatile.Write(ref _state, Empty);
            return true;
        }

        bool signalled = _event.Wait(timeout);
        if (!signalled && Interlocked.CompareExchange(ref _state, Empty, Blocked) == Blocked)
        {
            return false;
        }

        // Released: the releaser saw Blocked and set (or is about to set) the event.
        _event.Wait();
        _event.Reset();
        Volatile.Write(ref _state, Empty);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _event.Dispose();

    private bool TrySpin(HandoffSlot? handedTo)
    {
        long deadline = 0;
        long inFlightUntil = 0;
        for (int i = 0; ; i++)
        {
            if (Volatile.Read(ref _state) == Released)
            {
                Volatile.Write(ref _state, Empty);
                return true;
            }

            if (handedTo is not null && handedTo.IsPending)
            {
                // The next holder is still waking: its run (and our ~1 µs) has not started yet.
                long now = Stopwatch.GetTimestamp();
                if (inFlightUntil == 0)
                {
                    inFlightUntil = now + s_inFlightTicks;
                }
                else if (now >= inFlightUntil)
                {
                    return false;
                }

                Thread.Yield();
                continue;
            }

            if ((i & 7) == 7)
            {
                long now = Stopwatch.GetTimestamp();
                if (deadline == 0)
                {
                    deadline = now + s_spinTicks;
                }
                else if (now >= deadline)
                {
                    return false;
                }
            }

            Thread.SpinWait(1);
        }
    }
}
