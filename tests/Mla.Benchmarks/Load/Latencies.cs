namespace Mla.Benchmarks.Load;

/// <summary>Percentiles of a set of latencies in milliseconds (nearest rank).</summary>
public sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds) => _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank, 1, _sorted.Length) - 1];
    }
}
