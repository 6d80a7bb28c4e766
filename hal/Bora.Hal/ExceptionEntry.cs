namespace Bora.Hal;

/// <summary>What exception entry did: where the frame went and whether stacking faulted.</summary>
/// <param name="Exception">Exception number or vector taken.</param>
/// <param name="InterruptedPrivilege">Privilege of the interrupted context (the frame was pushed at it on ARM).</param>
/// <param name="InterruptedSp">Stack pointer of the interrupted context before entry.</param>
/// <param name="FrameAddress">Lowest address of the frame; the interrupted stack pointer after entry on ARM.</param>
/// <param name="StackingFault">The fault raised while pushing the frame, if any (the frame may be partial).</param>
public sealed record ExceptionEntry(
    int Exception,
    Privilege InterruptedPrivilege,
    uint InterruptedSp,
    uint FrameAddress,
    FaultRecord? StackingFault);
