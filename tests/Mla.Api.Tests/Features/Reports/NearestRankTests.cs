using Mla.Api.Features.Reports;

namespace Mla.Api.Tests.Features.Reports;

/// <summary>Nearest rank: the P-th percentile of N sorted values is the one at rank ⌈P/100 × N⌉, counted from 1.</summary>
public sealed class NearestRankTests
{
    // 10 values: the median is rank 5 (the lower middle value), the 90th percentile rank 9.
    private static readonly int[] Ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];

    [TestCase(50, 5)]
    [TestCase(90, 9)]
    [TestCase(91, 100)]
    [TestCase(100, 100)]
    [TestCase(1, 1)]
    [TestCase(10, 1)]
    [TestCase(11, 2)]
    public void Percentile_TenValues_ValueAtTheNearestRank(int percent, int expected)
    {
        Assert.That(NearestRank.Percentile(Ten, percent), Is.EqualTo(expected));
    }

    [TestCase(new[] { 7 }, 50, 7)]
    [TestCase(new[] { 7 }, 90, 7)]
    [TestCase(new[] { 19, 41 }, 50, 19)]
    [TestCase(new[] { 19, 41 }, 90, 41)]
    [TestCase(new[] { 19, 30, 41 }, 50, 30)]
    [TestCase(new[] { 4, 7, 10, 10, 30 }, 50, 10)]
    [TestCase(new[] { 4, 7, 10, 10, 30 }, 90, 30)]
    public void Percentile_FewValues_AlwaysOneOfThem(int[] sorted, int percent, int expected)
    {
        Assert.That(NearestRank.Percentile(sorted, percent), Is.EqualTo(expected));
    }

    [Test]
    public void Percentile_NoValue_IsNull()
    {
        Assert.That(NearestRank.Percentile([], 50), Is.Null);
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Percentile_OutsideOneToHundred_Throws(int percent)
    {
        Assert.That(() => NearestRank.Percentile(Ten, percent), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
