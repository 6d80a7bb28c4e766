using Bora.Arch.Arc.Driver;
using Bora.Arch.Arm.Driver;
using Bora.Arch.X86.Driver;
using Bora.Hal;

namespace Bora.Bench;

/// <summary>How much reprogramming a protection driver has done: MPU register writes at switches, or x86 CR3 loads.</summary>
public static class DriverCounters
{
    /// <summary>The driver's reprogramming count and what it counts.</summary>
    public static (long Count, string What) Read(IProtectionDriver? driver) => driver switch
    {
        ArmMpuDriver arm => (arm.DynamicRegisterWrites, "MPU register writes"),
        ArcMpuDriver arc => (arc.DynamicRegisterWrites, "MPU register writes"),
        X86MmuDriver x86 => (x86.Cr3Loads, "CR3 loads"),
        _ => (0, "nothing"),
    };
}
