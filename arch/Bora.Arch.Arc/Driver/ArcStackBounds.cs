namespace Bora.Arch.Arc.Driver;

/// <summary>
/// The stack-checking bounds of one thread (<c>thread->arch.k_stack_top/base</c>, <c>u_stack_top/base</c>):
/// TOP is the lowest address of a stack, BASE the address just above it. A supervisor thread has no user
/// stack (both zero).
/// </summary>
internal readonly record struct ArcStackBounds(uint KernelTop, uint KernelBase, uint UserTop, uint UserBase);
