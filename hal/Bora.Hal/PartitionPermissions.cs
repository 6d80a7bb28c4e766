namespace Bora.Hal;

/// <summary>
/// What a memory partition grants, per privilege and access kind: Zephyr's
/// <c>K_MEM_PARTITION_*</c> attributes in arch-neutral form. Each protection driver encodes a set into
/// its hardware attributes exactly as Zephyr's attribute macros do, and refuses the sets its hardware
/// cannot express (Zephyr makes those a build error).
/// </summary>
[Flags]
public enum PartitionPermissions
{
    /// <summary>No access for anyone.</summary>
    None = 0,

    /// <summary>Supervisor loads.</summary>
    SupervisorRead = 1,

    /// <summary>Supervisor stores.</summary>
    SupervisorWrite = 2,

    /// <summary>Supervisor instruction fetches.</summary>
    SupervisorExecute = 4,

    /// <summary>User loads.</summary>
    UserRead = 8,

    /// <summary>User stores.</summary>
    UserWrite = 16,

    /// <summary>User instruction fetches.</summary>
    UserExecute = 32,

    /// <summary>Uncached memory (the <c>_NOCACHE</c> variants); no effect on permissions.</summary>
    NoCache = 64,

    /// <summary><c>K_MEM_PARTITION_P_NA_U_NA</c>.</summary>
    P_NA_U_NA = None,

    /// <summary><c>K_MEM_PARTITION_P_RW_U_NA</c>.</summary>
    P_RW_U_NA = SupervisorRead | SupervisorWrite,

    /// <summary><c>K_MEM_PARTITION_P_RW_U_RO</c>.</summary>
    P_RW_U_RO = SupervisorRead | SupervisorWrite | UserRead,

    /// <summary><c>K_MEM_PARTITION_P_RW_U_RW</c>.</summary>
    P_RW_U_RW = SupervisorRead | SupervisorWrite | UserRead | UserWrite,

    /// <summary><c>K_MEM_PARTITION_P_RO_U_NA</c>.</summary>
    P_RO_U_NA = SupervisorRead,

    /// <summary><c>K_MEM_PARTITION_P_RO_U_RO</c>.</summary>
    P_RO_U_RO = SupervisorRead | UserRead,

    /// <summary><c>K_MEM_PARTITION_P_RX_U_RX</c>.</summary>
    P_RX_U_RX = SupervisorRead | SupervisorExecute | UserRead | UserExecute,

    /// <summary><c>K_MEM_PARTITION_P_RWX_U_RWX</c>.</summary>
    P_RWX_U_RWX = SupervisorRead | SupervisorWrite | SupervisorExecute | UserRead | UserWrite | UserExecute,

    /// <summary><c>K_MEM_PARTITION_P_RWX_U_RX</c>.</summary>
    P_RWX_U_RX = SupervisorRead | SupervisorWrite | SupervisorExecute | UserRead | UserExecute,

    /// <summary><c>K_MEM_PARTITION_P_RWX_U_NA</c> (x86).</summary>
    P_RWX_U_NA = SupervisorRead | SupervisorWrite | SupervisorExecute,

    /// <summary><c>K_MEM_PARTITION_P_RX_U_NA</c> (x86).</summary>
    P_RX_U_NA = SupervisorRead | SupervisorExecute,
}
