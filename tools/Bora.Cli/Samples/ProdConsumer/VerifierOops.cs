namespace Bora.Cli.Samples.ProdConsumer;

/// <summary>
/// Thrown by a verifier inside <see cref="SyscallGateStandIn.Invoke{T}"/> when a user argument fails its check
/// (Zephyr's <c>K_OOPS(...)</c> in a <c>z_vrfy_*</c> function); the gate turns it into an oops of the caller.
/// </summary>
internal sealed class VerifierOops(string message) : Exception(message);
