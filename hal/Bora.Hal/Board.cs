namespace Bora.Hal;

/// <summary>A board is data: a name, its CPU, its protection backend and its physical address space.</summary>
/// <param name="Name">Name used on the command line (<c>mps2-an385</c>).</param>
/// <param name="Cpu">CPU core (<c>cortex-m3</c>).</param>
/// <param name="Arch">Protection backend variant.</param>
/// <param name="MemoryMap">The physical address space.</param>
/// <param name="ClockHz">Modelled core clock, for converting cycles to time.</param>
public sealed record Board(string Name, string Cpu, ArchId Arch, BoardMemoryMap MemoryMap, ulong ClockHz);
