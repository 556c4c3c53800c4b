using LowRankSparse.Model;
using LowRankSparse.Pruning;

namespace LowRankSparse.Tests.Pruning;

public class PruneTests
{
    private static Weights Sample()
    {
        var wo = new double[10, 3];
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 3; j++) wo[i, j] = (i + 1) * (j % 2 == 0 ? 1 : -1) * 0.1;   // row i has norm ∝ i + 1
        var sq = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) sq[i, j] = (i * 3 + j) - 4;                            // |values| 0…4
        return new Weights(sq, sq, sq, wo);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3, 3)]
    [InlineData(0.25, 2)]   // round half to even, as torch
    [InlineData(1.0, 10)]
    public void Structured_magnitude_removes_round_amount_n_smallest_rows(double amount, int removed)
    {
        var pruned = Prune.Structured(Sample(), Weight.O, amount, PruneMethod.Magnitude);
        var mask = pruned.Masks[Weight.O];
        var zeroRows = Enumerable.Range(0, 10).Where(i => mask[i, 0] == 0).ToArray();
        Assert.Equal(removed, zeroRows.Length);
        Assert.Equal(Enumerable.Range(0, removed), zeroRows);   // the smallest rows are the first ones
        Assert.Equal(removed * 3, pruned.PrunedCount);
    }

    [Fact]
    public void Largest_first_removes_the_largest_rows_and_random_is_seeded()
    {
        var largest = Prune.Structured(Sample(), Weight.O, 0.2, PruneMethod.LargestFirst).Masks[Weight.O];
        Assert.Equal(new[] { 8, 9 }, Enumerable.Range(0, 10).Where(i => largest[i, 0] == 0));
        var a = Prune.Structured(Sample(), Weight.O, 0.5, PruneMethod.Random, seed: 1).Masks[Weight.O];
        var b = Prune.Structured(Sample(), Weight.O, 0.5, PruneMethod.Random, seed: 1).Masks[Weight.O];
        var c = Prune.Structured(Sample(), Weight.O, 0.5, PruneMethod.Random, seed: 2).Masks[Weight.O];
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(15, a.Cast<double>().Count(v => v == 0));
    }

    [Fact]
    public void Pruning_is_reversible_and_remove_makes_it_permanent()
    {
        var original = Sample();
        var pruned = Prune.Structured(original, Weight.O, 0.5, PruneMethod.Magnitude);
        Assert.Same(original, pruned.Original);
        Assert.Equal(0.1, pruned.Original.WO[0, 0], 12);   // the original is untouched
        var permanent = pruned.Remove();
        Assert.Equal(0.0, permanent.WO[0, 0]);
        Assert.Equal(original.WO[9, 0], permanent.WO[9, 0]);
        Assert.Same(original.WQ, permanent.WQ);             // weights that were not pruned are shared, not copied
    }

    [Fact]
    public void Unstructured_L1_removes_the_smallest_entries()
    {
        var pruned = Prune.Unstructured(Sample(), Weight.Q, 3 / 9.0, PruneMethod.Magnitude).Effective.WQ;
        // values −4…4: |0| < |±1| — the three smallest magnitudes are 0, −1, 1 (ties broken by index)
        Assert.Equal(0, pruned[1, 1]);
        Assert.Equal(0, pruned[1, 0]);
        Assert.Equal(0, pruned[1, 2]);
        Assert.Equal(-4, pruned[0, 0]);
    }

    [Fact]
    public void Global_pruning_ranks_all_weights_together()
    {
        var w = Sample();
        int total = 3 * 9 + 30;
        var pruned = Prune.Global(w, WeightNames.All, 0.5, PruneMethod.Magnitude);
        Assert.Equal((int)Math.Round(0.5 * total, MidpointRounding.ToEven), pruned.PrunedCount);
        // W_O entries (|w| ≤ 1) are all smaller than most W_Q entries, so global pruning takes them first; local pruning would not
        Assert.True(pruned.Masks[Weight.O].Cast<double>().Count(v => v == 0) > pruned.Masks[Weight.Q].Cast<double>().Count(v => v == 0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Amount_outside_0_1_is_rejected(double amount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Prune.Structured(Sample(), Weight.O, amount, PruneMethod.Magnitude));
        Assert.Contains("[0, 1]", e.Message);
    }
}
