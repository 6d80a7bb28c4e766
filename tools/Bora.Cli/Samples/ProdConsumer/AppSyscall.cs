using Bora.Abi;

namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// <c>app_syscall.c</c>: <c>magic_syscall</c>, a system call defined by the application. The verifier copies the
/// cookie in (<c>z_user_from_copy</c>), the implementation adds one unless it is above 42, and the verifier
/// copies it back (<c>z_user_to_copy</c>); a cookie the caller cannot read or write is <c>-EPERM</c>.
/// </summary>
internal sealed class AppSyscall(AppShared shared)
{
    /// <summary><c>magic_syscall(unsigned int *cookie)</c>.</summary>
    public int magic_syscall(uint cookie) => shared.Gate.Invoke(() =>
    {
        if (!shared.Gate.BufferOk(cookie, 4, write: false))
        {
            return -Errno.EPerm;
        }

        uint copy = shared.Cpu.ReadUInt32(cookie);
        int ret = Impl(ref copy);
        if (ret == 0)
        {
            if (!shared.Gate.BufferOk(cookie, 4, write: true))
            {
                return -Errno.EPerm;
            }

            shared.Cpu.WriteUInt32(cookie, copy);
        }

        return ret;
    });

    private int Impl(ref uint cookie)
    {
        if (cookie > 42)
        {
            shared.Log.Err("app_syscall", "bad cookie :(");
            return -Errno.EInval;
        }

        cookie++;
        return 0;
    }
}
