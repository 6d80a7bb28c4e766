namespace Bora.Cli.Samples;

/// <summary>The samples <c>bora run</c> knows.</summary>
internal static class SampleCatalog
{
    /// <summary>Sample names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["philosophers", "producer_consumer", "poll", "prod_consumer", "shared_mem"];

    /// <summary>A fresh instance of the sample called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static ISample? Create(string name) => name switch
    {
        "philosophers" => new Philosophers(),
        "producer_consumer" => new ProducerConsumer(),
        "poll" => new PollSample(),
        "prod_consumer" => new ProdConsumer.ProdConsumerSample(),
        "shared_mem" => new SharedMem.SharedMemSample(),
        _ => null,
    };
}
