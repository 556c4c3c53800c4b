using LowRankSparse.Analysis;
using LowRankSparse.Measurements;
using LowRankSparse.Pruning;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Util;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Phase;

/// <summary>
/// Measures the trained seeds of one grid cell and judges each claim there with the public checks of <see cref="Claims"/>; the
/// precondition of every claim is the convergence of <see cref="Convergence"/> and no diverged seed.
/// </summary>
public static class CellMeasurement
{
    public static PhaseCell Of(PhaseGrid grid, (int Ix, int Iy, double X, double Y) p, IReadOnlyList<TrainingRun> runs, int diverged, int? divergedAt)
    {
        var config = grid.CellConfig(p.X, p.Y, 0);
        bool inside = PhaseCondition.For(grid.X, grid.Y).All(c => c.Inside(config));
        if (runs.Count == 0)
            return new PhaseCell(p.Ix, p.Iy, p.X, p.Y, grid.Seeds, diverged, divergedAt, inside,
                PhaseMetric.All.ToDictionary(m => m.Id, _ => PhaseValue.Of([])),
                PhaseClaims.All.Select(c => new PhaseVerdict(c, VerdictStatus.NotApplicable, $"every seed diverged (first at step {divergedAt})")).ToList());

        int k = config.Data.NumLabelRelevant;
        var metrics = runs.Select(r => UpdateAnalysis.Analyze(r.Initial, r.Final, r.Patterns)).ToList();
        var updates = UpdatesSection.Compute(runs, metrics, attentionAtEverySnapshot: false, energyRanks: Predictions.GapRanks(config.Data));
        var tests = runs.Select(r => r.EvaluateTest()).ToList();
        var sparsity = runs.Select(r => OutputSparsity.Of(r.Final, r.Initial, r.OutputVector, r.Patterns)).ToList();
        double[] rates = [0, grid.PruneRate];
        var magnitude = runs.Select(r => PruningCurves.Compute([r], rates, PruneMethod.Magnitude, PruningCurves.Neurons)).ToList();
        var random = runs.Select(r => PruningCurves.Compute([r], rates, PruneMethod.Random, PruningCurves.Neurons)).ToList();
        var attentionEnd = runs.Select(r => AttentionMass.OnLabelRelevant(r.Model, r.Test, r.Patterns)).ToList();

        double[] PerSeed(Func<int, double> f) => Enumerable.Range(0, runs.Count).Select(f).ToArray();
        var values = new Dictionary<string, PhaseValue>
        {
            [PhaseMetric.TopKQ.Id] = PhaseValue.Of(PerSeed(s => metrics[s]["W_Q"].TopKEnergy[Math.Min(k, metrics[s]["W_Q"].TopKEnergy.Length) - 1])),
            [PhaseMetric.TopKK.Id] = PhaseValue.Of(PerSeed(s => metrics[s]["W_K"].TopKEnergy[Math.Min(k, metrics[s]["W_K"].TopKEnergy.Length) - 1])),
            [PhaseMetric.TopKV.Id] = PhaseValue.Of(PerSeed(s => metrics[s]["W_V"].TopKEnergy[Math.Min(k, metrics[s]["W_V"].TopKEnergy.Length) - 1])),
            [PhaseMetric.RelevantEnergy.Id] = PhaseValue.Of(PerSeed(s => ((metrics[s]["W_Q"].LabelRelevantEnergyOutput ?? 0) +
                metrics[s]["W_K"].LabelRelevantEnergy + metrics[s]["W_V"].LabelRelevantEnergy) / 3)),
            [PhaseMetric.LuckySeparation.Id] = PhaseValue.Of(PerSeed(s => sparsity[s].Separation)),
            [PhaseMetric.PruningGap.Id] = PhaseValue.Of(PerSeed(s => magnitude[s][1].TestLoss - random[s][1].TestLoss)),
            [PhaseMetric.TestLoss.Id] = PhaseValue.Of(PerSeed(s => tests[s].HingeLoss)),
            [PhaseMetric.TestAccuracy.Id] = PhaseValue.Of(PerSeed(s => tests[s].Accuracy)),
            [PhaseMetric.Attention.Id] = PhaseValue.Of(attentionEnd),
        };

        var convergence = Convergence.Of(tests.Select(t => (t.HingeLoss, t.Accuracy)));
        bool applicable = convergence.Converged && diverged == 0;
        string why = diverged > 0 ? $"{diverged} of {grid.Seeds} seeds diverged (first at step {divergedAt})" : $"not converged: {convergence.Text}";
        PhaseVerdict Judge(string claim, Claims.Check check) =>
            new(claim, applicable ? check.Outcome : VerdictStatus.NotApplicable,
                applicable ? check.Measured : why + "; measured: " + check.Measured);
        var verdicts = new List<PhaseVerdict>
        {
            new(PhaseClaims.Converged, diverged > 0 ? VerdictStatus.NotApplicable : convergence.Converged ? VerdictStatus.Holds : VerdictStatus.Fails,
                diverged > 0 ? why : convergence.Text),
            Judge(PhaseClaims.LowRank, Claims.LowRankCheck(Predictions.GapRanks(config.Data), updates)),
            Judge(PhaseClaims.Span, Claims.SpanCheck(updates)),
            Judge(PhaseClaims.Lucky, Claims.LuckyCheck(OutputSparsityMean.Of(sparsity))),
            Judge(PhaseClaims.Pruning, Claims.BeatsCheck(Mean(magnitude), Mean(random), grid.PruneRate)),
            Judge(PhaseClaims.Attention, Claims.AttentionCheck(updates, Predictions.UniformAttentionMass(config.Data))),
        };
        return new PhaseCell(p.Ix, p.Iy, p.X, p.Y, grid.Seeds, diverged, divergedAt, inside, values, verdicts);
    }

    /// <summary>The seeds' pruning curves averaged point by point.</summary>
    private static IReadOnlyList<PruningPoint> Mean(IReadOnlyList<IReadOnlyList<PruningPoint>> curves) =>
        Enumerable.Range(0, curves[0].Count).Select(i => new PruningPoint(curves[0][i].Rate,
            curves.Average(c => c[i].TestLoss), curves.Average(c => c[i].TestAccuracy),
            Stats.Std(curves.Select(c => c[i].TestLoss)), Stats.Std(curves.Select(c => c[i].TestAccuracy)))
        {
            TestLossBySeed = curves.Select(c => c[i].TestLoss).ToArray(),
            TestAccuracyBySeed = curves.Select(c => c[i].TestAccuracy).ToArray(),
        }).ToList();
}
