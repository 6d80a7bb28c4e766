namespace Bora.Hal;

/// <summary>The privilege an access is checked at.</summary>
public enum Privilege
{
    /// <summary>Privileged / kernel / ring 0.</summary>
    Supervisor,

    /// <summary>Unprivileged / user / ring 3.</summary>
    User,
}
