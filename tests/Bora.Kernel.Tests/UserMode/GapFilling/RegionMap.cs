namespace Bora.Kernel.Tests.UserMode.GapFilling;

/// <summary>Checks on a driver's region map (<see cref="IProtectionDriver.ActiveRegions"/>).</summary>
internal static class RegionMap
{
    /// <summary>Asserts that no two regions share a byte and that <paramref name="covered"/> has no byte without a region.</summary>
    public static void AssertGapFilled(IProtectionDriver driver, AddressRange covered, string when)
    {
        IReadOnlyList<RegionUse> regions = driver.ActiveRegions();
        for (int i = 0; i < regions.Count; i++)
        {
            for (int j = i + 1; j < regions.Count; j++)
            {
                Assert.That(regions[i].Range.Overlaps(regions[j].Range), Is.False, $"{when}: '{regions[i].Holder}' {regions[i].Range} overlaps '{regions[j].Holder}' {regions[j].Range}");
            }
        }

        ulong at = covered.Start;
        foreach (RegionUse r in regions.Where(r => r.Range.Overlaps(covered)).OrderBy(r => r.Range.Start))
        {
            Assert.That(r.Range.Start, Is.LessThanOrEqualTo(at), $"{when}: [0x{at:X8}, 0x{r.Range.Start:X8}) of kernel RAM has no region");
            at = Math.Max(at, r.Range.End);
        }

        Assert.That(at, Is.GreaterThanOrEqualTo(covered.End), $"{when}: kernel RAM from 0x{at:X8} has no region");
    }
}
