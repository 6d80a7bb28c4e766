using Bora.Kernel.AppMemory;

namespace Bora.Cli.Layout;

/// <summary>A sample whose globals live in automatic partitions: <c>bora layout</c> lays its image out per board.</summary>
internal interface IAppMemorySample
{
    /// <summary>The sample's name.</summary>
    string Name { get; }

    /// <summary>The app memory the sample links into its kernel.</summary>
    AppMemoryImage AppMemory { get; }
}
