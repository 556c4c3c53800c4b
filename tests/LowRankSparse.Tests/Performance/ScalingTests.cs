using LowRankSparse.Analysis;
using LowRankSparse.Benchmarks;
using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>
/// The arithmetic behind <c>bench --scaling</c> (no timing): the log-log fit recovers a known exponent, the FLOP count's exponents
/// are those its terms imply (exactly linear in B apart from the once-per-step update, between linear and quadratic in L and d,
/// at most linear in m), and the figure and table hold every point.
/// </summary>
public class ScalingTests
{
    private static ExperimentConfig Default => ConfigLoader.Load(TestPaths.EasyConfig);

    private static double Slope(string key, int[] values) =>
        Scaling.LogLogSlope(values.Select(v => (double)v).ToList(),
            values.Select(v => FlopCount.Step(ConfigLoader.Load(TestPaths.EasyConfig, [$"{key}={v}"]))).ToList()).Slope;

    [Fact]
    public void The_log_log_fit_recovers_the_exponent_of_a_power_law()
    {
        double[] x = [20, 30, 40, 60];
        var (slope, r2) = Scaling.LogLogSlope(x, x.Select(v => 0.003 * Math.Pow(v, 1.37)).ToList());
        Assert.Equal(1.37, slope, 10);
        Assert.Equal(1, r2, 10);
        var (_, noisy) = Scaling.LogLogSlope(x, [1, 3, 2, 4]);
        Assert.True(noisy < 0.9, $"R² of scattered points {noisy}");
    }

    [Fact]
    public void The_flop_count_grows_as_its_terms_say()
    {
        var c = Default;
        double perSample = FlopCount.Forward(c) + FlopCount.Backward(c);
        var doubled = c with { Training = c.Training with { BatchSize = 2 * c.Training.BatchSize } };
        Assert.Equal(2 * perSample, FlopCount.Forward(doubled) + FlopCount.Backward(doubled), 6);   // forward and backward: linear in B
        Assert.Equal(FlopCount.Update(c), FlopCount.Update(doubled));                              // the update: once per step

        double l = Slope("data.tokens", [20, 30, 40, 60]);
        Assert.InRange(l, 1.05, 1.95);                                                             // L·d² and L·m·d terms beside L²·d
        double m = Slope("model.neurons", [128, 256, 512, 1024, 2048]);
        Assert.InRange(m, 0.5, 1.0);                                                               // 6L·m·d grows, the rest does not
        Assert.InRange(Slope("data.dim", [16, 20, 24, 32]), 1.0, 2.0);
        Assert.InRange(Slope("training.batch_size", [32, 64, 96, 128]), 0.99, 1.0);

        // at the default shape (m_a = m_b = d) the forward+backward matmuls per sample are 12Ld² + 12L²d + 6Lmd + 2Lm
        double L = c.Data.Tokens, d = c.Data.Dim, n = c.Model.Neurons;
        double matmuls = 12 * L * d * d + 12 * L * L * d + 6 * L * n * d + 2 * L * n, elementwise = 9 * L * L + 2 * L * n;
        Assert.Equal(c.Training.BatchSize * (matmuls + elementwise), perSample, 6);
    }

    [Fact]
    public void A_run_times_its_computed_steps_apart_from_the_skipped_ones()
    {
        using var run = Training.Trainer.Train(ConfigLoader.Load(TestPaths.EasyQuickConfig, ["training.steps=80"]));
        Assert.InRange(run.ZeroGradientSteps, 1, 79);                  // quick converges around step 40: both kinds of steps occur
        Assert.True(run.ComputedStepSeconds > 0, "no time recorded for the computed steps");
        Assert.True(run.ComputedStepSeconds < run.TrainSeconds, $"{run.ComputedStepSeconds} s of computed steps in a {run.TrainSeconds} s loop");
    }

    [Fact]
    public void The_figure_and_table_hold_every_point_and_both_slopes()
    {
        var curves = Scaling.Axes.Select(a => new Scaling.Curve(a.Parameter, a.Key, a.Values[0],
            a.Values.Select(v => new Scaling.Point(v, 0.01 * v, 1e5 * v, 0.005 * v)).ToList(), 1.0, 1.1, 1.0)).ToList();
        var result = new Scaling.Result("default", Scaling.Steps, 1, 1, 80, 1.5, 1.6, 10, curves);
        var figure = Scaling.Figure(result);
        Assert.Equal(curves.Sum(c => c.Points.Count), figure.Data.Rows.Count);
        string html = figure.ChartHtml();
        foreach (var c in curves) Assert.Contains($"{c.Parameter}: slope 1.00 measured, 1.10 FLOPs", html);   // one panel each
        Assert.Contains("FLOPs ÷ 1-thread matmul rate", html);
        Assert.DoesNotContain("NaN", figure.Data.ToCsv());
        Assert.Contains("| d (dimension) | 8, 12, 16, 24, 32 | 1.00 (1.00) | 1.10 |", Scaling.Markdown(result));
    }
}
