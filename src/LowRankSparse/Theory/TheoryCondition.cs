using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Training;
using static LowRankSparse.Util.Fmt;

namespace LowRankSparse.Theory;

/// <summary>
/// One sufficient condition of the theorem the paper builds on (the sibling, Li et al., ICLR 2023, arXiv 2302.06015; docs/paper-notes.md §7),
/// evaluated on a run's config: its value, the bound it must meet, where the bound comes from ([sibling] for the form, [ours] where the
/// theorem gives only an order of magnitude and we set the constant to 1) and whether the run is inside it.
/// </summary>
public sealed record TheoryCondition(string Name, string Symbol, double Value, string Bound, string Source, bool Inside, string Why)
{
    /// <summary>2e: the sibling's α* ≥ α#/c with c &lt; 1/(2e) needs α*/α# above 2e ≈ 5.44 [sibling].</summary>
    public static readonly double SignalRatioBound = 2 * Math.E;

    /// <summary>The condition that the initial attention is not saturated (the claims about the attention updates need it).</summary>
    public const string NotSaturatedId = "not_saturated";

    /// <summary>Id of the condition (its <see cref="Name"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string Id => Name;

    /// <summary>E.g. "κ/κ_sat = 0.57 (needs &lt; 1)".</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string Text => $"{Symbol} = {ValueText(this)} (needs {Bound})";

    /// <summary>Every condition for <paramref name="config"/>, in a fixed order.</summary>
    public static IReadOnlyList<TheoryCondition> Of(ExperimentConfig config)
    {
        var (d, m) = (config.Data, config.Model);
        double ratio = d.ConfusionFraction == 0 ? double.PositiveInfinity : d.RelevantFraction / d.ConfusionFraction;
        double width = m.Neurons / (d.NumPatterns * (double)d.NumPatterns * Math.Log(d.TrainSamples));
        double noise = d.Noise * d.NumPatterns;
        double samples = d.TrainSamples * d.RelevantFraction * d.RelevantFraction;
        double kappaSat = Predictions.SaturationScale(d), saturation = kappaSat > 0 ? m.QkInitScale / kappaSat : double.PositiveInfinity;
        return
        [
            new("signal_ratio", "α*/α#", ratio, $"≥ 2e ≈ {F(SignalRatioBound, 2)}", "sibling", ratio >= SignalRatioBound,
                "α* ≥ α#/c with c < 1/(2e): label-relevant tokens must outnumber confusion tokens by a constant factor"),
            new("noise", "τ·M", noise, "≤ 1", "sibling (form), ours (constant 1)", noise <= 1,
                "τ < O(1/M): the token noise must stay below the patterns' separation"),
            new("width", "m / (M² ln N)", width, "≥ 1", "sibling (form), ours (constant 1)", width >= 1,
                "m ≳ M² log N: enough neurons that some are lucky for every label-relevant direction"),
            new("samples", "N·α*²", samples, "≥ 1", "sibling (form), ours (constant 1)", samples >= 1,
                "N ≥ Ω(α*⁻²): enough samples to see the label-relevant tokens"),
            new("random_counts", "counts random", d.TokenCounts == TokenCounts.Random ? 1 : 0, "= 1 (random)", "sibling",
                d.TokenCounts == TokenCounts.Random,
                "α*, α# are average fractions: counts vary per sample (with fixed counts mean pooling separates the classes by a fixed margin)"),
            new("label_relevant_patterns", "K", d.NumLabelRelevant, "= 2", "paper", d.NumLabelRelevant == 2,
                "the theorem has one label-relevant pattern per class; K > 2 is our generalisation"),
            new(NotSaturatedId, "κ/κ_sat", saturation, "< 1", $"sibling (small initialisation), ours (κ_sat: initial attention {Predictions.SaturatedAttention} on a query's own pattern)",
                saturation < 1, "the analysis starts from a softmax that is not saturated: a query must not already put almost all its attention on its own pattern's keys"),
        ];
    }

    /// <summary>True when every condition holds.</summary>
    public static bool AllInside(IReadOnlyList<TheoryCondition> conditions) => conditions.All(c => c.Inside);

    /// <summary>"inside the theorem's conditions", or "outside the theorem's conditions: α*/α# = 3.00 (needs ≥ 2e ≈ 5.44), …".</summary>
    public static string Summary(IReadOnlyList<TheoryCondition> conditions)
    {
        var broken = conditions.Where(c => !c.Inside).ToList();
        return broken.Count == 0
            ? $"inside the theorem's conditions (all {conditions.Count} hold)"
            : "outside the theorem's conditions: " + string.Join("; ", broken.Select(c => c.Name == "random_counts"
                ? "token counts fixed per sample (needs random counts)"
                : $"{c.Symbol} = {ValueText(c)} (needs {c.Bound})"));
    }

    public static string ValueText(TheoryCondition c) =>
        c.Name == "random_counts" ? (c.Inside ? "random" : "fixed") : double.IsPositiveInfinity(c.Value) ? "∞"
        : c.Value == Math.Round(c.Value) ? F(c.Value, 0) : F(c.Value, c.Value >= 100 ? 0 : 2);
}
