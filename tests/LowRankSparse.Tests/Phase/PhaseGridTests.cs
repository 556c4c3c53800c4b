using System.Collections.Concurrent;
using LowRankSparse.Config;
using LowRankSparse.Figures;
using LowRankSparse.Phase;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Tests.Phase;

/// <summary>
/// A small phase grid (quick config, δ ∈ {0.5, 2} × η ∈ {0.5, 10³⁰}, 2 seeds: one chunk, split by the diverging cells): every
/// cell equals the same runs trained alone bit for bit, diverging cells are marked (never dropped), and the saturated-attention
/// cell outside the theory's condition fails the low-rank check while the default one holds.
/// </summary>
public class PhaseGridTests : IClassFixture<PhaseGridTests.Grid>
{
    public sealed class Grid
    {
        public Grid()
        {
            Spec = new PhaseGrid(ConfigLoader.Load(TestPaths.EasyQuickConfig), PhaseAxis.QkInitScale, [0.5, 2], PhaseAxis.LearningRate, [0.5, 1e30], Seeds: 2).Validated();
            Result = PhaseRunner.Run(Spec, inspect: (cell, runs) =>
                Final[(cell.Ix, cell.Iy)] = runs.Select(r => (r.Config, r.Loss, Util.Matrices.ToHost(r.Model.WO), r.Final)).ToList());
        }

        public PhaseGrid Spec { get; }
        public PhaseResult Result { get; }
        public ConcurrentDictionary<(int, int), List<(ExperimentConfig Config, float[] Loss, double[,] WO, LowRankSparse.Model.Weights Final)>> Final { get; } = new();
    }

    private readonly Grid _grid;

    public PhaseGridTests(Grid grid) => _grid = grid;

    [Fact]
    public void Cells_that_trained_equal_their_runs_trained_alone_bit_for_bit()
    {
        foreach (var cell in _grid.Result.Cells.Where(c => !c.Diverged))
        {
            var runs = _grid.Final[(cell.Ix, cell.Iy)];
            Assert.Equal(_grid.Spec.Seeds, runs.Count);
            for (int s = 0; s < runs.Count; s++)
            {
                var config = _grid.Spec.CellConfig(cell.X, cell.Y, s);
                Assert.Equal(config, runs[s].Config);
                using var alone = Trainer.Train(config);
                Assert.Equal(alone.Loss, runs[s].Loss);
                Assert.True(Same(Util.Matrices.ToHost(alone.Model.WO), runs[s].WO), $"cell ({cell.X}, {cell.Y}) seed {s}: W_O differs");
                foreach (string name in LowRankSparse.Model.Weights.Names)
                    Assert.True(Same(alone.Final[name], runs[s].Final[name]), $"cell ({cell.X}, {cell.Y}) seed {s}: {name} differs");
            }
        }
    }

    [Fact]
    public void Diverging_cells_are_marked_with_their_step_and_every_claim_not_applicable()
    {
        var diverged = _grid.Result.Cells.Where(c => c.Y == 1e30).ToList();
        Assert.Equal(2, diverged.Count);
        Assert.Equal(4, _grid.Result.Cells.Count);
        foreach (var c in diverged)
        {
            Assert.Equal(2, c.DivergedSeeds);
            Assert.NotNull(c.DivergedAtStep);
            Assert.All(c.Verdicts, v => Assert.Equal(VerdictStatus.NotApplicable, v.Status));
        }
        var figure = PhaseFigures.Heatmap(_grid.Result, PhaseMetric.TopKQ);
        Assert.Contains("diverged", figure.ChartHtml());
        Assert.Equal(4, figure.Data.Rows.Count);                                  // every cell in the CSV, diverged ones included
    }

    [Fact]
    public void Saturated_initial_attention_fails_the_low_rank_check_the_default_holds_it()
    {
        var inside = _grid.Result.Cells.Single(c => c.X == 0.5 && c.Y == 0.5);
        var saturated = _grid.Result.Cells.Single(c => c.X == 2 && c.Y == 0.5);
        Assert.True(inside.InsideConditions);
        Assert.False(saturated.InsideConditions);                                 // δ = 2 > δ_sat
        Assert.Equal(VerdictStatus.Holds, inside.Verdict(PhaseClaims.LowRank).Status);
        Assert.Equal(VerdictStatus.Fails, saturated.Verdict(PhaseClaims.LowRank).Status);
        var boundary = _grid.Result.Boundaries.Single(b => b.Claim == PhaseClaims.LowRank && b.Condition == PhaseCondition.WellConditioned.Id);
        var row = boundary.Rows.Single(r => r.Other == 0.5);
        Assert.Equal(1.25, row.Measured);                                         // midpoint of the last holding and first failing δ
        Assert.Equal(PhaseCondition.SaturationScale(_grid.Spec.Base.Data), row.Predicted);
    }

    [Fact]
    public void Saturation_scale_is_where_the_initial_own_pattern_attention_reaches_the_threshold()
    {
        var data = ConfigLoader.Load(TestPaths.EasyConfig).Data;
        double delta = PhaseCondition.SaturationScale(data);
        Assert.Equal(PhaseCondition.SaturatedAttention, PhaseCondition.InitialOwnPatternAttention(data, delta), 9);
        Assert.True(PhaseCondition.InitialOwnPatternAttention(data, 2) > PhaseCondition.SaturatedAttention);   // δ = 2 saturates
        Assert.True(PhaseCondition.InitialOwnPatternAttention(data, 0.5) < PhaseCondition.SaturatedAttention);
    }

    private static bool Same(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<double>().SequenceEqual(b.Cast<double>());
}
