namespace Bora.Bench;

/// <summary>Which pair of threads a domain-switch benchmark ping-pongs between.</summary>
public enum DomainSwitchKind
{
    /// <summary>Two supervisor threads in the default domain: the switch reprograms only the stack guard (MPUs) and keeps CR3 (x86).</summary>
    Supervisor,

    /// <summary>Two user threads of one domain: MPUs reprogram the user stack and guard, keep the partitions; x86 keeps CR3.</summary>
    SameDomain,

    /// <summary>Two user threads of two domains: MPUs reprogram partitions, user stack and guard; x86 loads CR3 (flushing the TLB).</summary>
    OtherDomain,
}
