namespace Bora.Machine;

/// <summary>
/// A cached decision for stack pushes or pops, which are made at an explicit privilege (exception
/// entry and return stack at the interrupted context's) and, on cores with stack checking, depend on
/// the status word: the window holds only for the privilege and status it was filled at.
/// </summary>
internal struct StackWindow
{
    public DecisionWindow Window;
    public Hal.Privilege Privilege;
    public uint Status;

    /// <summary>Whether a word at <paramref name="address"/> lies in the window filled at <paramref name="privilege"/> and <paramref name="status"/>.</summary>
    public readonly bool HoldsWord(uint address, Hal.Privilege privilege, uint status, out int index)
    {
        uint offset = address - Window.Start;
        index = Window.PageOffset + (int)offset;
        return (ulong)offset + 4 <= Window.Length && Privilege == privilege && Status == status;
    }

    public void Clear() => Window.Clear();
}
