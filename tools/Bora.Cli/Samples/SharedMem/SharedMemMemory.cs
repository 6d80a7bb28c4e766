using Bora.Kernel.AppMemory;

namespace Bora.Cli.Samples.SharedMem;

/// <summary>
/// shared_mem's five automatic partitions (<c>FOR_EACH(K_APPMEM_PARTITION_DEFINE, part0, ..., part4)</c>) and its app
/// globals, tagged as <c>main.h</c>'s macros do: <c>_app_user_*</c> part0 (the plaintext thread), <c>_app_red_*</c>
/// part1 (the shared input buffer), <c>_app_enc_*</c> part2 (the encryption thread), <c>_app_blk_*</c> part3 (the
/// shared output buffer), <c>_app_ct_*</c> part4 (the ciphertext thread).
/// </summary>
[K_APPMEM_PARTITION_DEFINE("part0", "part1", "part2", "part3", "part4")]
internal static partial class SharedMemMemory
{
    /// <summary><c>WHEEL_SIZE</c>.</summary>
    public const int WheelSize = 26;

    /// <summary>Bytes of the shared buffers.</summary>
    public const int BufferSize = 63;

    /// <summary><c>SAMP_BLOCKSIZE</c>.</summary>
    public const int BlockSize = 50;

    /// <summary>The partitions, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["part0", "part1", "part2", "part3", "part4"];

    /// <summary><c>_app_red_b BYTE fBUFIN</c>.</summary>
    [K_APP_BMEM("part1")]
    public static partial AppVar<byte> fBUFIN { get; }

    /// <summary><c>_app_red_b BYTE BUFIN[63]</c>.</summary>
    [K_APP_BMEM("part1", Length = BufferSize)]
    public static partial AppArray<byte> BUFIN { get; }

    /// <summary><c>_app_blk_b BYTE fBUFOUT</c>.</summary>
    [K_APP_BMEM("part3")]
    public static partial AppVar<byte> fBUFOUT { get; }

    /// <summary><c>_app_blk_b BYTE BUFOUT[63]</c>.</summary>
    [K_APP_BMEM("part3", Length = BufferSize)]
    public static partial AppArray<byte> BUFOUT { get; }

    /// <summary><c>_app_enc_d BYTE W1[26] = START_WHEEL2</c>: Enigma rotor II as indices.</summary>
    [K_APP_DMEM("part2", new byte[] { 0, 9, 3, 10, 18, 8, 17, 20, 23, 1, 11, 7, 22, 19, 12, 2, 16, 6, 25, 13, 15, 24, 5, 21, 14, 4 })]
    public static partial AppArray<byte> W1 { get; }

    /// <summary><c>_app_enc_d BYTE W2[26] = START_WHEEL</c>: Enigma rotor I as indices.</summary>
    [K_APP_DMEM("part2", new byte[] { 4, 10, 12, 5, 11, 6, 3, 16, 21, 25, 13, 19, 14, 22, 24, 7, 23, 20, 18, 15, 0, 8, 1, 17, 2, 9 })]
    public static partial AppArray<byte> W2 { get; }

    /// <summary><c>_app_enc_d BYTE W3[26] = START_WHEEL</c>.</summary>
    [K_APP_DMEM("part2", new byte[] { 4, 10, 12, 5, 11, 6, 3, 16, 21, 25, 13, 19, 14, 22, 24, 7, 23, 20, 18, 15, 0, 8, 1, 17, 2, 9 })]
    public static partial AppArray<byte> W3 { get; }

    /// <summary><c>_app_enc_d BYTE R[26] = REFLECT</c>: reflector B as indices.</summary>
    [K_APP_DMEM("part2", new byte[] { 24, 17, 20, 7, 16, 18, 11, 3, 15, 23, 13, 6, 14, 10, 12, 8, 4, 1, 5, 25, 2, 22, 21, 9, 0, 19 })]
    public static partial AppArray<byte> R { get; }

    /// <summary><c>_app_enc_b int IW1</c>.</summary>
    [K_APP_BMEM("part2")]
    public static partial AppVar<int> IW1 { get; }

    /// <summary><c>_app_enc_b int IW2</c>.</summary>
    [K_APP_BMEM("part2")]
    public static partial AppVar<int> IW2 { get; }

    /// <summary><c>_app_enc_b int IW3</c>.</summary>
    [K_APP_BMEM("part2")]
    public static partial AppVar<int> IW3 { get; }

    /// <summary><c>_app_enc_b BYTE W1R[26]</c>: the reverse path, computed by the enc thread.</summary>
    [K_APP_BMEM("part2", Length = WheelSize)]
    public static partial AppArray<byte> W1R { get; }

    /// <summary><c>_app_enc_b BYTE W2R[26]</c>.</summary>
    [K_APP_BMEM("part2", Length = WheelSize)]
    public static partial AppArray<byte> W2R { get; }

    /// <summary><c>_app_enc_b BYTE W3R[26]</c>.</summary>
    [K_APP_BMEM("part2", Length = WheelSize)]
    public static partial AppArray<byte> W3R { get; }

    /// <summary><c>_app_enc_d char encMSG[] = "ENC!\n"</c>.</summary>
    [K_APP_DMEM("part2", "ENC!\n")]
    public static partial AppArray<byte> encMSG { get; }

    /// <summary><c>_app_enc_d int enc_state = 1</c>.</summary>
    [K_APP_DMEM("part2", 1)]
    public static partial AppVar<int> enc_state { get; }

    /// <summary><c>_app_enc_b char enc_pt[50]</c>: copy of the shared plaintext.</summary>
    [K_APP_BMEM("part2", Length = BlockSize)]
    public static partial AppArray<byte> enc_pt { get; }

    /// <summary><c>_app_enc_b char enc_ct[50]</c>: ciphertext before it goes to the shared buffer.</summary>
    [K_APP_BMEM("part2", Length = BlockSize)]
    public static partial AppArray<byte> enc_ct { get; }

    /// <summary><c>_app_user_d char ptMSG[] = "PT: message to encrypt\n"</c>.</summary>
    [K_APP_DMEM("part0", "PT: message to encrypt\n")]
    public static partial AppArray<byte> ptMSG { get; }

    /// <summary><c>_app_user_d char ptMSG2[]</c>: the ciphertext of "messagetoencrypt" under these wheels, so it decrypts back.</summary>
    [K_APP_DMEM("part0", "yxzuexkgykrfnpwm\n")]
    public static partial AppArray<byte> ptMSG2 { get; }

    /// <summary><c>_app_ct_d char ctMSG[] = "CT!\n"</c>.</summary>
    [K_APP_DMEM("part4", "CT!\n")]
    public static partial AppArray<byte> ctMSG { get; }
}
