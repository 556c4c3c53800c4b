using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LowRankSparse.Analysis;
using LowRankSparse.LowRank;
using LowRankSparse.Model;
using LowRankSparse.Pruning;

namespace LowRankSparse.Tests.Properties;

/// <summary>Property tests (FsCheck) for the analysis, pruning and truncation code, on random matrices of random shapes.</summary>
public class AnalysisProperties
{
    /// <summary>A random matrix of 1–12 rows and columns and rank ≤ its shape (sometimes deliberately low rank).</summary>
    public static Arbitrary<double[,]> Matrices() => Gen.Choose(1, 12).SelectMany(rows => Gen.Choose(1, 12).SelectMany(cols =>
        Gen.Choose(0, 12).SelectMany(rank => Gen.Choose(0, int.MaxValue).Select(seed => Build(rows, cols, rank, seed))))).ToArbitrary();

    private static double[,] Build(int rows, int cols, int rank, int seed)
    {
        var rng = new Random(seed);
        var m = new double[rows, cols];
        int r = rank == 0 ? Math.Min(rows, cols) : Math.Min(rank, Math.Min(rows, cols));
        for (int k = 0; k < r; k++)
        {
            var u = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            var v = Enumerable.Range(0, cols).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            double scale = Math.Pow(10, -3 * rng.NextDouble());
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) m[i, j] += scale * u[i] * v[j];
        }
        return m;
    }

    [Property(Arbitrary = new[] { typeof(AnalysisProperties) })]
    public bool Energy_fractions_lie_in_0_1_and_never_decrease(double[,] m)
    {
        var f = Spectrum.Of(m).EnergyFractions();
        return f.All(x => x >= 0 && x <= 1) && f.Zip(f.Skip(1)).All(p => p.Second >= p.First) && Math.Abs(f[^1] - 1) < 1e-12;
    }

    [Property(Arbitrary = new[] { typeof(AnalysisProperties) })]
    public bool Stable_rank_at_most_hard_rank_at_most_min_shape(double[,] m)
    {
        var s = Spectrum.Of(m);
        int rows = m.GetLength(0), cols = m.GetLength(1);
        int hard = s.HardRank(Math.Max(rows, cols));
        int at99 = s.RankAtEnergy();
        return s.StableRank <= hard + 1e-9 && hard <= Math.Min(rows, cols) && at99 <= hard && s.StableRank <= at99 / 0.99 + 1e-9 && s.StableRank >= 1 - 1e-9;
    }

    [Property(Arbitrary = new[] { typeof(AnalysisProperties) })]
    public bool An_update_built_inside_the_span_has_label_relevant_energy_one(double[,] coefficients)
    {
        // ΔW = C · Pᵀ with P = two orthonormal directions of R^8: every row of ΔW lies in span(P)
        int rows = coefficients.GetLength(0);
        var p1 = new double[8]; p1[0] = 0.6; p1[3] = 0.8;
        var p2 = new double[8]; p2[5] = 1;
        var delta = new double[rows, 8];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < 8; j++) delta[i, j] = coefficients[i, 0] * p1[j] + coefficients[i, coefficients.GetLength(1) - 1] * p2[j];
        if (LowRankSparse.Util.Matrices.FrobeniusSquared(delta) < 1e-20) return true;
        var span = Subspace.Span(new[] { p1, p2 });
        return Math.Abs(span.InputSideEnergy(delta) - 1) < 1e-9;
    }

    [Property(Arbitrary = new[] { typeof(AnalysisProperties) })]
    public bool Truncation_error_equals_the_tail_singular_values(double[,] m)
    {
        var s = Spectrum.Of(m).SingularValues;
        int r = s.Length / 2;
        var low = Truncation.BestRank(m, r);
        double err = 0;
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++) err += Math.Pow(m[i, j] - low[i, j], 2);
        double tail = s.Skip(r).Sum(v => v * v);
        return Math.Abs(err - tail) <= 1e-9 * (1 + s.Sum(v => v * v));
    }

    [Property(Arbitrary = new[] { typeof(AnalysisProperties) })]
    public Property Pruning_removes_exactly_round_amount_n_units_and_is_reversible(double[,] m) =>
        Prop.ForAll(Gen.Choose(0, 100).Select(p => p / 100.0).ToArbitrary(), Gen.Elements(PruneMethod.Magnitude, PruneMethod.Random, PruneMethod.LargestFirst).ToArbitrary(),
            (amount, method) =>
            {
                var before = (double[,])m.Clone();
                var w = new Weights(m, m, m, m);
                int rows = m.GetLength(0), n = m.Length;
                var structured = Prune.Structured(w, Weight.O, amount, method, seed: 7);
                var unstructured = Prune.Unstructured(w, Weight.Q, amount, method, seed: 7);
                int zeroRows = Enumerable.Range(0, rows).Count(i => structured.Masks[Weight.O][i, 0] == 0);
                return zeroRows == (int)Math.Round(amount * rows, MidpointRounding.ToEven)
                    && unstructured.Masks[Weight.Q].Cast<double>().Count(v => v == 0) == (int)Math.Round(amount * n, MidpointRounding.ToEven)
                    && ReferenceEquals(structured.Original, w)
                    && m.Cast<double>().SequenceEqual(before.Cast<double>())                       // the original is never modified
                    && structured.Remove().WO.Cast<double>().Zip(before.Cast<double>()).All(p => p.First == 0 || p.First == p.Second);
            });
}
