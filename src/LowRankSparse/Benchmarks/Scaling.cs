using System.Globalization;
using System.Text;
using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Benchmarks;

/// <summary>How the library's training step time grows with L, m and B, each varied around a base config (the others fixed).</summary>
public static class Scaling
{
    public sealed record Point(string Parameter, int Value, double MsPerStep, double LimitMs);

    public static readonly (string Parameter, string Key, int[] Values)[] Axes =
    {
        ("L (tokens)", "data.tokens", new[] { 10, 20, 40, 80 }),
        ("m (neurons)", "model.neurons", new[] { 64, 128, 256, 512 }),
        ("B (batch size)", "training.batch_size", new[] { 16, 32, 64, 128 }),
    };

    public static IReadOnlyList<Point> Measure(string baseConfigPath, int steps, int repeats, double matmulGflops, Action<string>? status = null)
    {
        var points = new List<Point>();
        foreach (var (parameter, key, values) in Axes)
            foreach (int value in values)
            {
                status?.Invoke($"scaling: {key} = {value}");
                var config = ConfigLoader.Load(baseConfigPath, new[] { $"{key}={value}", $"training.steps={steps}" });
                var perStep = new List<double>();
                for (int r = 0; r <= repeats; r++)
                {
                    using var run = Trainer.Train(config);
                    if (r > 0) perStep.Add(run.TrainSeconds * 1000 / steps);
                }
                points.Add(new Point(parameter, value, Timing.Median(perStep), FlopCount.Step(config) / (matmulGflops * 1e6)));
            }
        return points;
    }

    /// <summary>A markdown table (one row per point): ready to paste into a README.</summary>
    public static string Markdown(IReadOnlyList<Point> points, string baseName)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"| varied ({baseName} otherwise) | value | ms / step | arithmetic limit (ms) | × limit |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var p in points)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Parameter} | {p.Value} | {p.MsPerStep:F3} | {p.LimitMs:F3} | {p.MsPerStep / p.LimitMs:F1} |"));
        return sb.ToString();
    }
}
