using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Util;

namespace LowRankSparse.Compare;

/// <summary>
/// Two reproductions side by side: the settings that differ, the verdicts whose outcome changed, the main metrics with their
/// spread over seeds, and the pruning curves of both (what <c>compare</c> renders as HTML and markdown).
/// </summary>
public sealed record RunComparison(
    ComparedRun A,
    ComparedRun B,
    IReadOnlyList<SettingsDiff.Difference> Settings,
    IReadOnlyList<VerdictChange> Verdicts,
    int VerdictsUnchanged,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<CurvePair> Curves)
{
    public static RunComparison Of(ComparedRun a, ComparedRun b) => new(a, b,
        SettingsDiff.Between(SettingsDiff.Of(a.Json)!, SettingsDiff.Of(b.Json)!),
        VerdictChange.Between(a, b, out int unchanged), unchanged,
        MetricDelta.Between(a, b),
        CurvePair.Pruning(a, b));
}

/// <summary>A claim whose verdict differs between the runs (or that only one of them checked).</summary>
/// <summary><see cref="StatusA"/>, <see cref="StatusB"/>: results.json's status (holds, fails, not_applicable), null when the run did not check the claim.</summary>
public sealed record VerdictChange(string Id, string Claim, string? StatusA, string? StatusB, string? MeasuredA, string? MeasuredB)
{
    public static IReadOnlyList<VerdictChange> Between(ComparedRun a, ComparedRun b, out int unchanged)
    {
        static Dictionary<string, JsonObject> ById(ComparedRun r) => ((JsonArray)r.Json["verdicts"]!).OfType<JsonObject>()
            .Where(v => v["id"] is not null).GroupBy(v => v["id"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First());
        var (va, vb) = (ById(a), ById(b));
        var changes = new List<VerdictChange>();
        unchanged = 0;
        foreach (string id in va.Keys.Concat(vb.Keys.Except(va.Keys)))
        {
            var (x, y) = (va.GetValueOrDefault(id), vb.GetValueOrDefault(id));
            string? hx = Status(x), hy = Status(y);
            if (hx == hy) { unchanged++; continue; }
            changes.Add(new VerdictChange(id, (x ?? y)!["claim"]?.GetValue<string>() ?? id, hx, hy,
                x?["measured"]?.GetValue<string>(), y?["measured"]?.GetValue<string>()));
        }
        return changes;
    }

    /// <summary>The verdict's status; results written before it existed only have "holds" (true → holds, false → fails).</summary>
    private static string? Status(JsonObject? v) => v is null ? null
        : v["status"]?.GetValue<string>() ?? (v["holds"]?.GetValue<bool>() is bool h ? (h ? "holds" : "fails") : null);
}

/// <summary>
/// One metric in both runs: mean and standard deviation over the training seeds (0 where a run records only a mean), the change
/// B − A and that change in units of the combined spread √(std_A² + std_B²) (∞ when both spreads are 0 and the means differ).
/// </summary>
public sealed record MetricDelta(string Name, double? MeanA, double? StdA, double? MeanB, double? StdB)
{
    public double? Delta => MeanA is double a && MeanB is double b ? b - a : null;

    public double? InSpreads
    {
        get
        {
            if (Delta is not double d) return null;
            double spread = Math.Sqrt(Math.Pow(StdA ?? 0, 2) + Math.Pow(StdB ?? 0, 2));
            return spread > 0 ? Math.Abs(d) / spread : d == 0 ? 0 : double.PositiveInfinity;
        }
    }

    /// <summary>Beyond twice the seeds' spread: a change the seeds alone do not explain.</summary>
    public bool Notable => InSpreads is > 2;

    public static IReadOnlyList<MetricDelta> Between(ComparedRun a, ComparedRun b)
    {
        var metrics = new List<MetricDelta>
        {
            PerSeed("test accuracy", a, b, s => s["test_accuracy"]),
            PerSeed("test hinge loss", a, b, s => s["test_loss"]),
            PerSeed("lucky fraction", a, b, s => s["lucky_fraction"]),
        };
        foreach (string w in UpdatesWeights)
        {
            metrics.Add(PerSeed($"Δ{w} top-K energy (K label-relevant patterns)", a, b, s => TopK(s, w)));
            metrics.Add(PerSeed($"Δ{w} rank at 99 % energy", a, b, s => s["weights"]?[w]?["rank_at_99_energy"] ?? s["weights"]?[w]?["numerical_rank"]));
            metrics.Add(PerSeed($"Δ{w} label-relevant energy", a, b, s => s["weights"]?[w]?["label_relevant_energy"]));
        }
        foreach (string curve in new[] { "magnitude", "random" })
            foreach (double rate in Rates(a, curve).Intersect(Rates(b, curve)).Where(r => r == 0.5))   // the rest is in the overlaid curves
                metrics.Add(new MetricDelta($"pruning {curve}, R = {rate:0.##}: test hinge loss",
                    Point(a, curve, rate, "test_loss"), Point(a, curve, rate, "test_loss_std"), Point(b, curve, rate, "test_loss"), Point(b, curve, rate, "test_loss_std")));
        foreach (int r in Ranks(a).Intersect(Ranks(b)))
            metrics.Add(new MetricDelta($"W(0) + rank-{r}(ΔW): test hinge loss", Truncation(a, r, "test_loss"), Truncation(a, r, "test_loss_std"),
                Truncation(b, r, "test_loss"), Truncation(b, r, "test_loss_std")));
        return metrics.Where(m => m.MeanA is not null || m.MeanB is not null).ToList();
    }

    private static readonly string[] UpdatesWeights = { "W_Q", "W_K", "W_V" };

    private static JsonNode? TopK(JsonNode seed, string w)
    {
        if (seed["weights"]?[w]?["top_k_energy"] is not JsonArray energies) return null;
        int k = seed.Root["config"]?["data"]?["num_label_relevant"]?.GetValue<int>() ?? 2;
        return energies.Count >= k ? energies[k - 1] : null;
    }

    private static MetricDelta PerSeed(string name, ComparedRun a, ComparedRun b, Func<JsonNode, JsonNode?> value)
    {
        (double?, double?) Band(ComparedRun r)
        {
            var values = (r.Json["per_seed"] as JsonArray ?? []).OfType<JsonNode>().Select(value).OfType<JsonNode>().Select(v => v.GetValue<double>()).ToList();
            return values.Count == 0 ? (null, null) : (Stats.Mean(values), values.Count > 1 ? Stats.Std(values) : 0);
        }
        var (ma, sa) = Band(a);
        var (mb, sb) = Band(b);
        return new MetricDelta(name, ma, sa, mb, sb);
    }

    private static IEnumerable<int> Ranks(ComparedRun r) =>
        (r.At("low_rank.truncation") as JsonArray ?? []).OfType<JsonObject>().Select(p => p["r"]!.GetValue<int>());

    private static double? Truncation(ComparedRun r, int rank, string field) =>
        (r.At("low_rank.truncation") as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p["r"]!.GetValue<int>() == rank)?[field]?.GetValue<double>();

    private static IEnumerable<double> Rates(ComparedRun r, string curve) =>
        (r.At("pruning." + curve) as JsonArray ?? []).OfType<JsonObject>().Select(p => p["rate"]!.GetValue<double>());

    private static double? Point(ComparedRun r, string curve, double rate, string field) =>
        (r.At("pruning." + curve) as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(p => p["rate"]!.GetValue<double>() == rate)?[field]?.GetValue<double>();
}

/// <summary>One curve (e.g. magnitude pruning's test hinge loss over the rate) in both runs, mean and std over seeds.</summary>
public sealed record CurvePair(string Name, string YTitle, Curve A, Curve B)
{
    public static IReadOnlyList<CurvePair> Pruning(ComparedRun a, ComparedRun b)
    {
        var pairs = new List<CurvePair>();
        foreach (var (field, title) in new[] { ("test_loss", "test hinge loss"), ("test_accuracy", "test accuracy") })
            foreach (var (key, name) in new[] { ("magnitude", "magnitude (smallest first)"), ("random", "random"), ("largest_first", "largest first") })
            {
                var (ca, cb) = (Curve.Of(a, "pruning." + key, field), Curve.Of(b, "pruning." + key, field));
                if (ca.X.Length > 0 || cb.X.Length > 0) pairs.Add(new CurvePair($"pruning {name}", title, ca, cb));
            }
        return pairs;
    }
}

public sealed record Curve(double[] X, double[] Mean, double[] Std)
{
    public static Curve Of(ComparedRun run, string arrayPath, string field)
    {
        var points = (run.At(arrayPath) as JsonArray ?? []).OfType<JsonObject>().ToList();
        return new Curve(points.Select(p => p["rate"]!.GetValue<double>()).ToArray(),
            points.Select(p => p[field]?.GetValue<double>() ?? double.NaN).ToArray(),
            points.Select(p => p[field + "_std"]?.GetValue<double>() ?? 0).ToArray());
    }
}
