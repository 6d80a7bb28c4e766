using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>An access as the paging unit classifies it: a write or not, a fetch or not, CPL 3 or not.</summary>
internal readonly struct PageAccess
{
    public PageAccess(AccessKind kind, Privilege privilege)
    {
        Write = kind is AccessKind.Write or AccessKind.StackPush;
        Fetch = kind == AccessKind.Execute;
        User = privilege == Privilege.User;
    }

    public bool Write { get; }

    public bool Fetch { get; }

    public bool User { get; }
}
