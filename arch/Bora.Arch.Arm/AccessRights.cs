using Bora.Hal;

namespace Bora.Arch.Arm;

/// <summary>What an address grants, per privilege and access kind, as the MPU resolves it.</summary>
[Flags]
internal enum AccessRights : byte
{
    None = 0,
    PrivilegedRead = 0x01,
    PrivilegedWrite = 0x02,
    PrivilegedExecute = 0x04,
    UnprivilegedRead = 0x08,
    UnprivilegedWrite = 0x10,
    UnprivilegedExecute = 0x20,

    PrivilegedReadWrite = PrivilegedRead | PrivilegedWrite,
    UnprivilegedReadWrite = UnprivilegedRead | UnprivilegedWrite,
    All = 0x3F,
}

/// <summary>Helpers over <see cref="AccessRights"/>.</summary>
internal static class AccessRightsExtensions
{
    /// <summary>The single right an access of <paramref name="kind"/> at <paramref name="privilege"/> needs.</summary>
    public static AccessRights Needed(AccessKind kind, Privilege privilege)
    {
        AccessRights right = kind switch
        {
            AccessKind.Write or AccessKind.StackPush => AccessRights.PrivilegedWrite,
            AccessKind.Execute => AccessRights.PrivilegedExecute,
            _ => AccessRights.PrivilegedRead,
        };
        return privilege == Privilege.User ? (AccessRights)((byte)right << 3) : right;
    }

    /// <summary>
    /// Adds execute permission wherever reading is allowed, unless the region is execute-never or the
    /// address is in the System region (0xE0000000 and up), which never executes.
    /// </summary>
    public static AccessRights WithExecute(this AccessRights rights, bool executeNever, uint address)
    {
        if (executeNever || address >= DefaultMemoryMap.SystemStart)
        {
            return rights;
        }

        if ((rights & AccessRights.PrivilegedRead) != 0)
        {
            rights |= AccessRights.PrivilegedExecute;
        }

        if ((rights & AccessRights.UnprivilegedRead) != 0)
        {
            rights |= AccessRights.UnprivilegedExecute;
        }

        return rights;
    }

    /// <summary>Keeps only the privileged half of <paramref name="rights"/>.</summary>
    public static AccessRights PrivilegedOnly(this AccessRights rights) =>
        rights & (AccessRights.PrivilegedReadWrite | AccessRights.PrivilegedExecute);

    /// <summary>Grants the privileged rights to unprivileged accesses too.</summary>
    public static AccessRights ForBothPrivileges(this AccessRights privileged)
    {
        AccessRights p = privileged.PrivilegedOnly();
        return p | (AccessRights)((byte)p << 3);
    }
}
