using M = Bora.Cli.Samples.SharedMem.SharedMemMemory;

namespace Bora.Cli.Samples.SharedMem;

/// <summary>
/// <c>enc.c</c>: the sample's Enigma-like cipher over three wheels and a reflector. Every table and wheel index is an
/// app global in part2, so only a thread of the enc domain can run it; each access is a checked user access.
/// Not a secure cipher (nor is Zephyr's).
/// </summary>
internal static class Enigma
{
    /// <summary><c>enig_enc</c>: one plaintext letter to one ciphertext letter, then the wheels advance; 0xFF for a non-letter.</summary>
    public static byte Encrypt(byte pt)
    {
        int i = CharToIndex(pt);
        if (i == -1)
        {
            return 0xFF;
        }

        i = Through(M.W1, M.IW1.Value, i);
        i = Through(M.W2, M.IW2.Value, i);
        i = Through(M.W3, M.IW3.Value, i);
        i = M.R[i];
        i = Through(M.W3R, M.IW3.Value, i);
        i = Through(M.W2R, M.IW2.Value, i);
        i = Through(M.W1R, M.IW1.Value, i);
        byte ct = IndexToChar(i);
        UpdateWheelIndex();
        return ct;
    }

    /// <summary><c>calc_rev_wheel</c>: the reverse path of <paramref name="wheel"/>; 1, or -1 for a bad wheel.</summary>
    public static int CalcRevWheel(Bora.Kernel.AppMemory.AppArray<byte> wheel, Bora.Kernel.AppMemory.AppArray<byte> backpath)
    {
        for (int i = 0; i < M.WheelSize; i++)
        {
            byte w = wheel[i];
            if (w >= M.WheelSize)
            {
                return -1;
            }

            backpath[w] = (byte)i;
        }

        return 1;
    }

    /// <summary>One wheel: <c>(W[IMOD(iw, i)] + WHEEL_SIZE - iw) % WHEEL_SIZE</c>.</summary>
    private static int Through(Bora.Kernel.AppMemory.AppArray<byte> wheel, int iw, int i) =>
        (wheel[(iw + i) % M.WheelSize] + M.WheelSize - iw) % M.WheelSize;

    private static int CharToIndex(byte c) => c is < (byte)'a' or > (byte)'z' ? -1 : c - 'a';

    private static byte IndexToChar(int i) => i is < 0 or > 25 ? (byte)0xFF : (byte)('a' + i);

    /// <summary><c>update_wheel_index</c>: each wheel turns once per full turn of the one before.</summary>
    private static void UpdateWheelIndex()
    {
        M.IW1.Value++;
        if (M.IW1.Value >= M.WheelSize)
        {
            M.IW1.Value %= M.WheelSize;
            M.IW2.Value++;
        }

        if (M.IW2.Value >= M.WheelSize)
        {
            M.IW2.Value %= M.WheelSize;
            M.IW3.Value++;
        }

        if (M.IW3.Value >= M.WheelSize)
        {
            M.IW3.Value %= M.WheelSize;
        }
    }
}
