namespace Bora.Hal;

/// <summary>What exception return did: the context resumed and whether unstacking faulted.</summary>
/// <param name="ResumedPrivilege">Privilege of the context returned to.</param>
/// <param name="ResumedPc">Program counter popped from the frame (unchanged when unstacking faulted).</param>
/// <param name="UnstackingFault">The fault raised while popping the frame, if any.</param>
public readonly record struct ExceptionReturn(Privilege ResumedPrivilege, uint ResumedPc, FaultRecord? UnstackingFault);
