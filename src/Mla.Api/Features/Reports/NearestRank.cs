namespace Mla.Api.Features.Reports;

/// <summary>
/// Percentiles by the nearest-rank method: the P-th percentile of N sorted values is the value at rank
/// ⌈P/100 × N⌉ (1-based). It is always one of the values (whole days stay whole), and the median (P = 50)
/// of an even count is the lower of the two middle values.
/// </summary>
public static class NearestRank
{
    /// <param name="sortedValues">Values in ascending order.</param>
    /// <param name="percent">Above 0, at most 100.</param>
    /// <returns>The percentile, or null when there is no value.</returns>
    public static int? Percentile(IReadOnlyList<int> sortedValues, int percent)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sortedValues.Count == 0)
        {
            return null;
        }

        // Integer ceiling of percent × N / 100, so no floating point decides a rank.
        var rank = ((percent * sortedValues.Count) + 99) / 100;
        return sortedValues[rank - 1];
    }
}
