using System.Globalization;
using System.Text;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Figures;
using LowRankSparse.Training;
using MathNet.Numerics;
using GenericChart = Plotly.NET.GenericChart;
using StyleParam = Plotly.NET.StyleParam;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// How the time of one training step grows with L, m, d and B, each varied alone from a base config up to a theory-like shape: the
/// bare fused step (forward, backward, update: every pass computed, none skipped) on one libtorch thread per op, as training runs:
/// the median over the steps of one round, then the fastest of the rounds (the rounds go over every shape in turn; on a shared
/// machine other processes only ever add time, so the fastest round is the least disturbed). A least-squares line through (ln value, ln ms) gives the measured exponent,
/// the same fit through (ln value, ln <see cref="FlopCount.Step"/>) the exponent the arithmetic predicts (MathNet <see cref="Fit.Line"/>).
/// </summary>
public static class Scaling
{
    public sealed record Point(int Value, double MsPerStep, double Flops, double LimitMs)
    {
        public double TimesTheLimit => MsPerStep / LimitMs;
    }

    /// <summary>One parameter varied: its points, the fitted log-log slopes (measured and from the FLOP count) and R² of the measured fit.</summary>
    public sealed record Curve(string Parameter, string Key, int BaseValue, IReadOnlyList<Point> Points, double MeasuredSlope, double PredictedSlope, double MeasuredRSquared);

    public sealed record Result(string Config, int Steps, int Repeats, int ThreadsPerOp, double MatmulGflopsOneThread, double LoadAverageBefore,
        double LoadAverageAfter, double Seconds, IReadOnlyList<Curve> Curves);

    /// <summary>The values of each parameter [ours]: the base config's own value is added when missing. From the easy config's shape
    /// (L = 20, m = 128, d = 16) through the theory config's (L = 40, m = 512, d = 8) to L = 60 tokens, m = 2048 neurons, d = 32, B = 128.</summary>
    public static readonly (string Parameter, string Key, int[] Values)[] Axes =
    {
        ("L (tokens)", "data.tokens", [20, 30, 40, 60]),
        ("m (neurons)", "model.neurons", [128, 256, 512, 1024, 2048]),
        ("d (dimension)", "data.dim", [8, 12, 16, 24, 32]),
        ("B (batch size)", "training.batch_size", [32, 64, 96, 128]),
    };

    /// <summary>Bare steps timed per point and repeat (the first fifth, at most 20, warm up).</summary>
    public const int Steps = 200;

    public static Result Measure(string name, string baseConfigPath, IReadOnlyList<string> overrides, int repeats, double matmulGflops, Action<string>? status = null)
    {
        double loadBefore = PhaseBench.LoadAverage();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var baseConfig = ConfigLoader.Load(baseConfigPath, overrides);
        var points = Axes.SelectMany(a => a.Values.Append(ValueOf(baseConfig, a.Key)).Distinct().Order()
            .Select(v => (a.Key, Value: v, Config: ConfigLoader.Load(baseConfigPath, [.. overrides, $"{a.Key}={v}", $"training.steps={Steps}"])))).ToList();
        var setups = new List<TrainingSetup>();
        try
        {
            foreach (var p in points) setups.Add(TrainingSetup.Create(p.Config));
            // the repeats outermost: a change of the machine's load in the meantime touches every point alike, not one end of a curve
            var perStep = points.Select(_ => new List<double>()).ToList();
            for (int r = 0; r < repeats; r++)
            {
                status?.Invoke($"scaling: round {r + 1}/{repeats} over {points.Count} shapes");
                for (int i = 0; i < points.Count; i++)
                    perStep[i].Add(StepPhases.Measure([setups[i]], Steps, BatchedTrainer.ThreadsPerOp).TotalMs);
            }
            var curves = Axes.Select(a =>
            {
                var curve = Enumerable.Range(0, points.Count).Where(i => points[i].Key == a.Key).Select(i =>
                {
                    double flops = FlopCount.Step(points[i].Config);
                    return new Point(points[i].Value, perStep[i].Min(), flops, flops / (matmulGflops * 1e6));
                }).ToList();
                var at = curve.Select(p => (double)p.Value).ToList();
                var (slope, rSquared) = LogLogSlope(at, curve.Select(p => p.MsPerStep).ToList());
                return new Curve(a.Parameter, a.Key, ValueOf(baseConfig, a.Key), curve, slope, LogLogSlope(at, curve.Select(p => p.Flops).ToList()).Slope, rSquared);
            }).ToList();
            return new Result(name, Steps, repeats, BatchedTrainer.ThreadsPerOp, matmulGflops, loadBefore, PhaseBench.LoadAverage(), clock.Elapsed.TotalSeconds, curves);
        }
        finally
        {
            foreach (var s in setups) s.Dispose();
        }
    }

    /// <summary>The least-squares line through (ln x, ln y) (MathNet <see cref="Fit.Line"/>): its slope, the exponent k of y ∝ x^k, and its R².</summary>
    public static (double Slope, double RSquared) LogLogSlope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double[] lx = x.Select(v => Math.Log(v)).ToArray(), ly = y.Select(v => Math.Log(v)).ToArray();
        var (intercept, slope) = Fit.Line(lx, ly);
        return (slope, GoodnessOfFit.RSquared(lx.Select(v => intercept + slope * v), ly));
    }

    private static int ValueOf(ExperimentConfig c, string key) => key switch
    {
        "data.tokens" => c.Data.Tokens,
        "model.neurons" => c.Model.Neurons,
        "data.dim" => c.Data.Dim,
        "training.batch_size" => c.Training.BatchSize,
        _ => throw new ArgumentException($"no scaling axis {key}", nameof(key)),
    };

    /// <summary>One row per point: the parameter, its value, ms per step, FLOPs, the arithmetic limit and the gap.</summary>
    public static DataTable Table(Result r)
    {
        var table = new DataTable("parameter", "key", "value", "ms_per_step", "flops_per_step", "limit_ms", "times_the_limit", "measured_slope", "predicted_slope");
        foreach (var c in r.Curves)
            foreach (var p in c.Points)
                table.Add(c.Parameter, c.Key, p.Value, p.MsPerStep, p.Flops, p.LimitMs, p.TimesTheLimit, c.MeasuredSlope, c.PredictedSlope);
        return table;
    }

    /// <summary>One log-log panel per parameter against its own value: measured (solid) and the arithmetic limit FLOPs ÷ 1-thread matmul
    /// throughput (dotted), the fitted slopes in the panel's title. (On one shared chart the d and B limit lines coincided: one hid the other.)</summary>
    public static Figures.Figure Figure(Result r)
    {
        const string measured = "#1f77b4", limit = "#d62728";
        var panels = r.Curves.Select(c =>
        {
            var x = c.Points.Select(p => (double)p.Value).ToList();
            var chart = Charts.Combine(
            [
                Charts.Line(x, c.Points.Select(p => p.MsPerStep), "measured ms per step", measured),
                Charts.Line(x, c.Points.Select(p => p.LimitMs), "FLOPs ÷ 1-thread matmul rate", limit, markers: false, dash: StyleParam.DrawingStyle.Dot),
            ]);
            return new Panels.Panel($"{c.Parameter}: slope {F(c.MeasuredSlope)} measured, {F(c.PredictedSlope)} FLOPs",
                Charts.Axes(chart, $"{c.Parameter.Split(' ')[0]} (base {c.BaseValue})", "ms per step", logY: true, logX: true));
        }).ToList();
        return new Figure("step_time_scaling", $"Step time vs L, m, d and B ({r.Config} otherwise)",
            $"One training step (forward, backward, update; one thread per op), each parameter varied alone from the {r.Config} config's value; " +
            "log-log slopes fitted by least squares, beside the slope of the FLOP count. " +
            string.Join("; ", r.Curves.Select(c => $"{c.Parameter}: measured {F(c.MeasuredSlope)}, FLOPs {F(c.PredictedSlope)}")) +
            $". Load average {r.LoadAverageBefore:F1} before, {r.LoadAverageAfter:F1} after.",
            Panels.Stack(panels, "Step time vs one parameter at a time", columns: 2, height: 2 * Charts.Height),
            Table(r));
    }

    /// <summary>A markdown table (one row per parameter, then one per point): ready to paste into bench/README.md.</summary>
    public static string Markdown(Result r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"| varied ({r.Config} otherwise) | values | measured slope (R²) | FLOP-count slope |");
        sb.AppendLine("|---|---|---:|---:|");
        foreach (var c in r.Curves)
            sb.AppendLine($"| {c.Parameter} | {string.Join(", ", c.Points.Select(p => p.Value))} | {F(c.MeasuredSlope)} ({F(c.MeasuredRSquared)}) | {F(c.PredictedSlope)} |");
        sb.AppendLine();
        sb.AppendLine("| varied | value | ms / step | arithmetic limit (ms) | × limit |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var c in r.Curves)
            foreach (var p in c.Points)
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Parameter} | {p.Value} | {p.MsPerStep:F3} | {p.LimitMs:F3} | {p.TimesTheLimit:F1} |"));
        return sb.ToString();
    }

    private static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
}
