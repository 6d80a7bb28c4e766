namespace Bora.Kernel.Objects;

/// <summary>Where a kernel object came from (DESIGN §3: the three kinds).</summary>
public enum KObjectOrigin
{
    /// <summary>Declared in the image before boot (the <c>K_SEM_DEFINE</c> / global <c>struct k_sem</c> analogue); never freed.</summary>
    Image,

    /// <summary>Defined by supervisor code (a host or kernel-thread <c>Define*</c>/<c>Declare*</c> call) after boot; never freed.</summary>
    Runtime,

    /// <summary>Allocated by <c>k_object_alloc</c> / <c>k_object_alloc_size</c> from the kernel heap; freed when unreferenced or by <c>k_object_free</c>.</summary>
    Dynamic,
}
