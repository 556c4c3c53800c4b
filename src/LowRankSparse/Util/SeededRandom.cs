namespace LowRankSparse.Util;

/// <summary>
/// A seeded host-side random source. Every random draw of the library goes through one of these,
/// so a run is a pure function of its seed (System.Random with a seed uses a fixed, version-stable algorithm).
/// </summary>
public sealed class SeededRandom
{
    private readonly Random _random;
    private double? _spareGaussian;

    public SeededRandom(int seed) => _random = new Random(seed);

    /// <summary>Derives an independent stream for a named purpose, so adding a draw in one place never shifts another.</summary>
    public static SeededRandom For(int seed, string purpose)
    {
        unchecked
        {
            int h = seed * 16777619;
            foreach (char c in purpose) h = (h ^ c) * 16777619;
            return new SeededRandom(h & 0x7fffffff);
        }
    }

    public int NextInt(int maxExclusive) => _random.Next(maxExclusive);

    public double NextDouble() => _random.NextDouble();

    /// <summary>Standard normal draw (Box–Muller, polar form).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * _random.NextDouble() - 1;
            v = 2 * _random.NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public int[] Permutation(int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        Shuffle(p);
        return p;
    }
}
