namespace Bora.Hal.Conformance;

/// <summary>
/// What a protection region grants, per privilege and access kind, in Zephyr's partition-attribute
/// terms. A harness maps each set to its hardware encoding exactly as Zephyr's attribute macros do.
/// </summary>
[Flags]
public enum RegionPermissions
{
    None = 0,
    SupervisorRead = 1,
    SupervisorWrite = 2,
    SupervisorExecute = 4,
    UserRead = 8,
    UserWrite = 16,
    UserExecute = 32,

    P_NA_U_NA = None,
    P_RW_U_NA = SupervisorRead | SupervisorWrite,
    P_RW_U_RO = SupervisorRead | SupervisorWrite | UserRead,
    P_RW_U_RW = SupervisorRead | SupervisorWrite | UserRead | UserWrite,
    P_RO_U_NA = SupervisorRead,
    P_RO_U_RO = SupervisorRead | UserRead,
    P_RX_U_RX = SupervisorRead | SupervisorExecute | UserRead | UserExecute,
    P_RWX_U_RWX = SupervisorRead | SupervisorWrite | SupervisorExecute | UserRead | UserWrite | UserExecute,
    P_RWX_U_RX = SupervisorRead | SupervisorWrite | SupervisorExecute | UserRead | UserExecute,
}
