namespace Bora.Hal;

/// <summary>What a protection region or page range is programmed for.</summary>
public enum RegionHolderKind
{
    /// <summary>A boot region (text, kernel RAM, an extra user region); the name says which.</summary>
    Boot,

    /// <summary>A memory-domain partition slot.</summary>
    DomainSlot,

    /// <summary>A user thread's stack.</summary>
    UserStack,

    /// <summary>The guard below a supervisor thread's stack.</summary>
    StackGuard,

    /// <summary>The guard below a user thread's privilege-elevation stack.</summary>
    PrivilegeStackGuard,
}
