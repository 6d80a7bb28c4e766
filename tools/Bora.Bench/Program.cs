using BenchmarkDotNet.Running;

namespace Bora.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project tools/Bora.Bench -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
