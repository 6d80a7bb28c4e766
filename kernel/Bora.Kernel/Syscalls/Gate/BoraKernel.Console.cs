using System.Text;

namespace Bora.Kernel;

/// <summary>The console: what <c>k_str_out</c> (printk's output from user mode) writes.</summary>
public sealed partial class BoraKernel
{
    private readonly StringBuilder _console = new();

    /// <summary>Everything written to the console so far (<c>k_str_out</c>), decoded as Latin-1 bytes.</summary>
    public string ConsoleOutput => _console.ToString();

    /// <summary>
    /// <c>z_impl_k_str_out</c>: copies <paramref name="length"/> bytes at <paramref name="address"/> into a kernel buffer
    /// through checked accesses at the CPU's privilege, then appends them to <see cref="ConsoleOutput"/>.
    /// </summary>
    internal void CallStrOut(KThread caller, uint address, uint length)
    {
        Enter(caller, KernelCall.StrOut);
        var buffer = new byte[length];
        _cpu.ReadBlock(address, buffer);
        _console.Append(Encoding.Latin1.GetString(buffer));
        Exit(caller, KernelCall.StrOut, 0);
    }
}
