namespace Bora.SyscallGen;

internal static class Probe
{
}
