namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// A small deterministic generator (SplitMix64) seeded per request from the run's seed and the request's
/// position, so that each request is the same whatever the batch size or the number of threads, and the
/// same seed gives the same data on every machine and .NET version (unlike <see cref="Random.Shared"/>).
/// </summary>
public struct SyntheticRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The generator of the request at <paramref name="position"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static SyntheticRandom For(int seed, long position, ulong stream = 0)
    {
        var mixed = new SyntheticRandom(((ulong)(uint)seed << 32) ^ (ulong)position ^ (stream * 0xD1B54A32D192ED03UL));
        return new SyntheticRandom(mixed.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An item chosen with the given weights (need not sum to 1).</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var target = (NextUInt64() >> 11) * (1.0 / (1UL << 53)) * total;
        foreach (var (item, weight) in items)
        {
            target -= weight;
            if (target < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>
    /// A version 7 id (as <see cref="Guid.CreateVersion7()"/> gives the service) for an instant, with random bits
    /// from this generator: time-ordered like the service's ids, and deterministic.
    /// </summary>
    public Guid NextVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = (ulong)at.ToUnixTimeMilliseconds();
        var random = NextUInt64();
        var more = NextUInt64();
        // Big-endian layout of RFC 9562: 48 bits of time, version, 12 random bits, variant, 62 random bits.
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (40 - (8 * i)));
        }

        bytes[6] = (byte)(0x70 | (random & 0x0F));
        bytes[7] = (byte)(random >> 8);
        bytes[8] = (byte)(0x80 | ((random >> 16) & 0x3F));
        for (var i = 9; i < 16; i++)
        {
            bytes[i] = (byte)(more >> (8 * (i - 9)));
        }

        return new Guid(bytes, bigEndian: true);
    }
}
