using System.Globalization;
using LowRankSparse.Experiments.Sections;
using LowRankSparse.Pruning;
using LowRankSparse.Util;

namespace LowRankSparse.Theory;

/// <summary>
/// Checks the claims of paper-spec §4 against measurements, one verdict per claim. Each check is public so a notebook can
/// check the claim it just measured. Thresholds that turn a qualitative claim into a yes/no are [ours] and are written
/// into the verdict text.
/// </summary>
public static class Claims
{
    public const double FreeLossTolerance = 0.02;
    public const double FreeAccuracyTolerance = 0.01;
    private static readonly string[] Qkv = UpdatesSection.AttentionWeights;

    /// <summary>All claims of a reproduction (the sweep claims only where the sweeps ran).</summary>
    public static IReadOnlyList<Verdict> Check(Data.DataConfig data, UpdatesSection updates, SparsitySection sparsity,
        PruningSection pruning, LowRankSection lowRank, SweepsSection sweeps)
    {
        var verdicts = new List<Verdict?>
        {
            LowRank(data, updates), LowRankThroughout(data, updates), LabelRelevantSpan(data, updates), Noise(sweeps.Noise),
            RankVsK(sweeps.LabelRelevant),
            LuckyNeurons(data, sparsity), MagnitudePruning(pruning, sparsity.LuckyFractionMean), RandomPruning(pruning),
            MagnitudeBeatsRandom(pruning, sparsity.LuckyFractionMean), LargestFirst(pruning, sparsity.LuckyFractionMean),
            RankTruncation(data, lowRank), Lora(data, lowRank), Attention(updates),
        };
        return verdicts.OfType<Verdict>().ToList();
    }

    public static Verdict LowRank(Data.DataConfig data, UpdatesSection updates)
    {
        int k = data.NumLabelRelevant;
        var ranks = Qkv.Select(w => $"{w}: rank@99% {Ranks(updates.Weights[w].NumericalRank)}, top-{k} energy {F(updates.Weights[w].TopKEnergyMean[k - 1], 4)}");
        bool holds = Qkv.All(w => updates.Weights[w].NumericalRank.All(r => r == k) && updates.Weights[w].TopKEnergyMean[k - 1] >= 0.99);
        return new Verdict("low_rank", "ΔW_Q, ΔW_K, ΔW_V are low-rank: as many dominant singular values as label-relevant patterns", "paper",
            $"{k} dominant singular values (rank at 99 % energy = {k}, top-{k} energy ≥ 0.99 [ours])", string.Join("; ", ranks), holds);
    }

    /// <summary>The theorem is about the SGD iterates: W(t) − W(0) is low-rank at every snapshot, not only at the end.</summary>
    public static Verdict? LowRankThroughout(Data.DataConfig data, UpdatesSection updates)
    {
        if (updates.EnergyVsStep.Count == 0) return null;
        int k = data.NumLabelRelevant;
        var lowest = Qkv.Select(w => (Weight: w, Point: updates.EnergyVsStep.MinBy(e => e.Mean[w])!)).ToList();
        return new Verdict("low_rank_throughout", "The updates are low-rank throughout training, not only at the end", "paper",
            $"top-{k} energy of W(t) − W(0) ≥ 0.99 [ours] at every snapshot t (mean over seeds)",
            $"lowest over {updates.EnergyVsStep.Count} snapshots: " +
            string.Join(", ", lowest.Select(l => $"Δ{l.Weight} {F(l.Point.Mean[l.Weight], 4)} at step {l.Point.Step}")),
            lowest.All(l => l.Point.Mean[l.Weight] >= 0.99));
    }

    public static Verdict LabelRelevantSpan(Data.DataConfig data, UpdatesSection updates)
    {
        double q = updates.Weights["W_Q"].LabelRelevantEnergyOutputMean ?? 0, k = updates.Weights["W_K"].LabelRelevantEnergyMean, v = updates.Weights["W_V"].LabelRelevantEnergyMean;
        return new Verdict("label_relevant_span", "The updates concentrate on the label-relevant directions", "paper",
            $"the updates live on {Predictions.ConcentrationSpan(data)}: label-relevant energy ≥ 0.9 for ΔW_Q (output side), ≥ 0.85 for ΔW_K and ≥ 0.9 for ΔW_V (input side) [ours]",
            $"ΔW_Q output {F(q, 3)}, ΔW_K input {F(k, 3)}, ΔW_V input {F(v, 3)}", q >= 0.9 && k >= 0.85 && v >= 0.9);
    }

    public static Verdict? Noise(IReadOnlyList<NoisePoint> noise)
    {
        if (noise.Count < 2) return null;
        var taus = noise.Select(n => n.Noise).ToArray();
        var irrelevant = noise.Select(n => (n.IrrelevantEnergy["W_Q"] + n.IrrelevantEnergy["W_K"]) / 2).ToArray();
        var tail = noise.Select(n => Qkv.Average(w => 1 - n.Top2Energy[w])).ToArray();
        var fit = Stats.FitLine(taus, irrelevant);
        return new Verdict("noise", "Label-irrelevant energy of the updates is small and grows with the noise level τ", "paper",
            "mean label-irrelevant energy of ΔW_Q, ΔW_K (input side) and the tail energy 1 − top-2 both increase from the smallest to the largest τ, with a positive slope",
            $"{string.Join(", ", taus.Zip(irrelevant, (t, e) => $"τ={F(t, 2)}: {F(e, 3)}"))}; slope {F(fit.Slope, 3)}; tail energy {F(tail[0], 4)} → {F(tail[^1], 4)}",
            fit.Slope > 0 && irrelevant[^1] > irrelevant[0] && tail[^1] > tail[0]);
    }

    public static Verdict? RankVsK(IReadOnlyList<LabelRelevantPoint> points)
    {
        if (points.Count == 0) return null;
        return new Verdict("rank_vs_k", "With K label-relevant patterns the gap rank follows K or the number of classes", "ours",
            "per sample: K for ΔW_Q and ΔW_K, 2 for ΔW_V; per token: 2 for all (paper-spec §4.1)",
            string.Join("; ", points.Select(p => $"K={p.K} {p.Mode}: {string.Join("/", Qkv.Select(w => p.Ranks[w]))}")) + " (Q/K/V)",
            points.All(p => Qkv.All(w => p.Ranks[w] == p.Predicted[w])));
    }

    public static Verdict LuckyNeurons(Data.DataConfig data, SparsitySection sparsity) =>
        new("lucky_neurons", "A constant fraction of W_O rows (lucky neurons, decided at initialisation) grow large; the rest stay small", "paper",
            $"lucky fraction in (0.2, 0.95); ≥ 90 % of the neurons lucky at init (about {F(Predictions.LuckyAtInitFraction(data), 2)} of all [ours]) end up large",
            $"lucky fraction {F(sparsity.LuckyFractionMean, 3)} ± {F(sparsity.LuckyFractionStd, 3)}; lucky at init {F(sparsity.LuckyAtInitFractionMean, 3)}, of which {F(sparsity.LuckyAtInitThatEndLargeMean, 3)} end large",
            sparsity.LuckyFractionMean > 0.2 && sparsity.LuckyFractionMean < 0.95 && sparsity.LuckyAtInitThatEndLargeMean >= 0.9);

    public static Verdict MagnitudePruning(PruningSection pruning, double luckyFraction)
    {
        double predicted = Predictions.FreePruningRate(luckyFraction), free = LargestFreeRate(pruning.Magnitude), step = StepOf(pruning.Magnitude);
        return new Verdict("magnitude_pruning", "Magnitude pruning of W_O neurons barely changes the generalization error up to the unlucky fraction", "paper",
            $"hinge loss within {FreeLossTolerance} and accuracy within {FreeAccuracyTolerance * 100:0} point of unpruned up to R ≈ 1 − lucky fraction = {F(predicted, 2)} (one grid step {F(step, 2)} of tolerance)",
            $"largest such R = {F(free, 2)}; hinge {Curve(pruning.Magnitude)}", free >= predicted - step - 1e-9);
    }

    public static Verdict RandomPruning(PruningSection pruning)
    {
        var early = pruning.Random.Where(p => p.Rate <= 0.5 + 1e-9).ToList();
        var fit = Stats.FitLine(early.Select(p => p.Rate).ToList(), early.Select(p => p.TestLoss).ToList());
        var at30 = Nearest(pruning.Random, 0.3);
        double rise = at30.TestLoss - pruning.Random[0].TestLoss;
        return new Verdict("random_pruning", "Random neuron pruning raises the generalization error roughly in proportion to R", "paper",
            "hinge loss rises by ≥ 0.1 at R = 0.3 and a line fits it on R ≤ 0.5 (R² ≥ 0.9) [ours]",
            $"rise at R={F(at30.Rate, 1)}: {F(rise, 3)}; fit slope {F(fit.Slope, 3)}, R² {F(fit.RSquared, 3)}; hinge {Curve(pruning.Random)}",
            rise >= 0.1 && fit.RSquared >= 0.9 && fit.Slope > 0);
    }

    public static Verdict MagnitudeBeatsRandom(PruningSection pruning, double luckyFraction)
    {
        double upTo = Math.Max(Predictions.FreePruningRate(luckyFraction), StepOf(pruning.Magnitude));
        var compared = pruning.Magnitude.Zip(pruning.Random).Where(p => p.First.Rate > 0 && p.First.Rate <= upTo + 1e-9).ToList();
        return new Verdict("magnitude_beats_random", "Magnitude pruning beats random pruning below the threshold", "paper",
            $"lower test hinge loss than random pruning at every rate 0 < R ≤ {F(upTo, 2)}",
            string.Join(", ", compared.Select(p => $"R={F(p.First.Rate, 1)}: {F(p.First.TestLoss, 3)} vs {F(p.Second.TestLoss, 3)}")),
            compared.Count > 0 && compared.All(p => p.First.TestLoss < p.Second.TestLoss));
    }

    public static Verdict LargestFirst(PruningSection pruning, double luckyFraction)
    {
        double step = StepOf(pruning.LargestFirst);
        double collapse = pruning.LargestFirst.Where(p => p.TestAccuracy <= 0.6).Select(p => p.Rate).DefaultIfEmpty(1).Min();
        bool worstLoss = pruning.LargestFirst.Zip(pruning.Random).Where(p => p.First.Rate > 0).All(p => p.First.TestLoss >= p.Second.TestLoss);
        return new Verdict("largest_first", "Pruning the largest neurons first is the worst case: accuracy collapses once the lucky neurons are gone", "paper",
            $"hinge loss above random pruning's at every R > 0, and accuracy ≤ 0.6 by R ≈ lucky fraction = {F(luckyFraction, 2)} (+ one grid step) [ours]",
            $"accuracy first ≤ 0.6 at R = {F(collapse, 2)}; accuracy {Curve(pruning.LargestFirst, p => p.TestAccuracy)}; hinge {Curve(pruning.LargestFirst)}",
            worstLoss && collapse <= luckyFraction + step + 1e-9);
    }

    public static Verdict? RankTruncation(Data.DataConfig data, LowRankSection lowRank)
    {
        if (lowRank.Truncation.Count == 0) return null;
        var t = lowRank.Truncation.FirstOrDefault(x => x.R == data.NumLabelRelevant) ?? lowRank.Truncation[^1];
        return new Verdict("rank_truncation", $"Replacing each ΔW by its best rank-{t.R} approximation keeps the test accuracy", "paper",
            $"accuracy within 1 point of the full update ({F(lowRank.FullTestAccuracy, 3)})",
            $"rank-{t.R}: {F(t.TestAccuracy, 3)} ± {F(t.TestAccuracyStd, 3)}; all: {string.Join(", ", lowRank.Truncation.Select(x => $"r={x.R}: {F(x.TestAccuracy, 3)}"))}; " +
            $"test hinge loss {string.Join(", ", lowRank.Truncation.Select(x => $"r={x.R}: {F(x.TestLoss, 4)}"))} (full: {F(lowRank.FullTestLoss, 4)})",
            t.TestAccuracy >= lowRank.FullTestAccuracy - 0.01);
    }

    public static Verdict? Lora(Data.DataConfig data, LowRankSection lowRank)
    {
        if (lowRank.Lora.Count == 0) return null;
        var l = lowRank.Lora.FirstOrDefault(x => x.R == data.NumLabelRelevant) ?? lowRank.Lora[^1];
        return new Verdict("lora", $"Training only rank-{l.R} adapters on the frozen W(0) matches full training at equal steps", "ours",
            $"accuracy within 1 point of full training ({F(lowRank.FullTestAccuracy, 3)})",
            $"LoRA r={l.R}: {F(l.TestAccuracy, 3)} with {l.TrainableParameters} trainable parameters; all: {string.Join(", ", lowRank.Lora.Select(x => $"r={x.R}: {F(x.TestAccuracy, 3)}"))}",
            l.TestAccuracy >= lowRank.FullTestAccuracy - 0.01);
    }

    public static Verdict Attention(UpdatesSection updates)
    {
        var a = updates.AttentionVsStep;
        return new Verdict("attention", "Attention concentrates on label-relevant tokens during training (ICLR 2023 sibling)", "paper",
            "attention mass on label-relevant keys grows during training (by ≥ 0.03 [ours])",
            $"{F(a[0].Mean, 3)} at step 0 → {F(a[^1].Mean, 3)} at step {a[^1].Step}", a[^1].Mean >= a[0].Mean + 0.03);
    }

    /// <summary>Largest rate R such that every rate up to R keeps hinge loss and accuracy within tolerance of R = 0.</summary>
    public static double LargestFreeRate(IReadOnlyList<PruningPoint> curve)
    {
        double free = 0;
        foreach (var p in curve.OrderBy(p => p.Rate))
        {
            if (p.TestLoss - curve[0].TestLoss > FreeLossTolerance || curve[0].TestAccuracy - p.TestAccuracy > FreeAccuracyTolerance) break;
            free = p.Rate;
        }
        return free;
    }

    private static double StepOf(IReadOnlyList<PruningPoint> curve) => curve.Count > 1 ? curve[1].Rate - curve[0].Rate : 0.1;

    private static PruningPoint Nearest(IReadOnlyList<PruningPoint> curve, double rate) => curve.MinBy(p => Math.Abs(p.Rate - rate))!;

    private static string Curve(IReadOnlyList<PruningPoint> curve, Func<PruningPoint, double>? value = null) =>
        "[" + string.Join(", ", curve.Select(p => F((value ?? (x => x.TestLoss))(p), 3))) + "]";

    private static string Ranks(int[] ranks) => ranks.Distinct().Count() == 1 ? $"{ranks[0]} (all {ranks.Length} seeds)" : "[" + string.Join(", ", ranks) + "]";

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
}
