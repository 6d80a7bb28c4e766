namespace Bora.Kernel.Objects;

/// <summary>
/// An object's <c>poll_events</c> list: registered events, most urgent poller first, FIFO among
/// pollers of equal priority (<c>add_event</c>, comparing the pollers' current priorities).
/// </summary>
internal sealed class PollEventList
{
    private readonly List<PollEventCopy> _events = [];

    /// <summary>Number of registered events.</summary>
    public int Count => _events.Count;

    /// <summary><c>add_event</c>.</summary>
    public void Add(PollEventCopy ev)
    {
        int priority = ev.Poller.Thread.Priority;
        int index = _events.Count;
        if (index > 0 && _events[index - 1].Poller.Thread.Priority > priority)
        {
            index = _events.FindIndex(e => e.Poller.Thread.Priority > priority);
        }

        _events.Insert(index, ev);
        ev.List = this;
    }

    /// <summary><c>sys_dlist_remove</c>.</summary>
    public void Remove(PollEventCopy ev)
    {
        _events.Remove(ev);
        ev.List = null;
    }

    /// <summary><c>sys_dlist_get</c>: unlinks and returns the first event, or <see langword="null"/>.</summary>
    public PollEventCopy? TakeFirst()
    {
        if (_events.Count == 0)
        {
            return null;
        }

        PollEventCopy ev = _events[0];
        _events.RemoveAt(0);
        ev.List = null;
        return ev;
    }
}
