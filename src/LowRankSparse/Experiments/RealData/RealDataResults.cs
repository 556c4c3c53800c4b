using LowRankSparse.Data.Images;
using LowRankSparse.Measurements;
using LowRankSparse.Verdicts;
using LowRankSparse.Training;

namespace LowRankSparse.Experiments.RealData;

/// <summary>Every number of one `realdata` run (results.json, snake_case).</summary>
public sealed record RealDataResults
{
    public required RealDataOptions Options { get; init; }
    public required string[] ClassNames { get; init; }
    public required int TrainSamples { get; init; }
    public required int TestSamples { get; init; }
    public required int Tokens { get; init; }
    public required int Dim { get; init; }
    public required SpanInfo Span { get; init; }
    public required Signatures Real { get; init; }
    public required RealControl Shuffled { get; init; }
    public required RealControl Saturated { get; init; }
    public required IReadOnlyList<LinearBaseline.Result> Linear { get; init; }
    /// <summary>The same signatures on the synthetic data model (quick or default config, one seed), for comparison.</summary>
    public required Signatures Synthetic { get; init; }
    public required string SyntheticConfig { get; init; }
    public required IReadOnlyList<Verdict> Verdicts { get; init; }
    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }
    public required RunInfo Run { get; init; }
}
