using Bora.Tests.Shared;

namespace Bora.AppMemGen.Tests;

/// <summary>This project's golden files (<see cref="RepoPaths.Golden"/>), compared by the shared <see cref="GoldenText"/>.</summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual) => GoldenText.AssertMatches(RepoPaths.Golden, name, actual);
}
