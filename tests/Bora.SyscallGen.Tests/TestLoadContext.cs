using System.Reflection;
using System.Runtime.Loader;

namespace Bora.SyscallGen.Tests;

/// <summary>Loads in-memory kernel and userspace images side by side (the real Bora.Kernel stays in the default context).</summary>
internal sealed class TestLoadContext() : AssemblyLoadContext(isCollectible: true)
{
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

    public Assembly Add(byte[] image)
    {
        using var stream = new MemoryStream(image);
        Assembly assembly = LoadFromStream(stream);
        _loaded[assembly.GetName().Name!] = assembly;
        return assembly;
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _loaded.TryGetValue(assemblyName.Name!, out Assembly? assembly) ? assembly : null;

    public static object? Call(Assembly assembly, string type, string method, params object?[] arguments)
    {
        MethodInfo info = assembly.GetType(type, throwOnError: true)!.GetMethod(method)
            ?? throw new MissingMethodException(type, method);
        try
        {
            return info.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
