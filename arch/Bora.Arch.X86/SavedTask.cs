using Bora.Hal;

namespace Bora.Arch.X86;

/// <summary>The state a #DF task gate saves in the interrupted task's TSS, restored by the task switch back.</summary>
internal readonly record struct SavedTask(uint Sp, uint Pc, uint Status, Privilege Privilege);
