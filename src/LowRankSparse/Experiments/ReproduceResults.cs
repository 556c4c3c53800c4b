using LowRankSparse.Config;
using LowRankSparse.Experiments.RealData;
using LowRankSparse.Measurements;
using LowRankSparse.Phase;
using LowRankSparse.Theory;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Experiments;

/// <summary>Everything <c>reproduce</c> measured, as written to results.json (snake_case). Every number of the report is here.</summary>
public sealed record ReproduceResults
{
    public required ExperimentConfig Config { get; init; }
    public required bool Quick { get; init; }
    public required int Seeds { get; init; }
    /// <summary>Each training seed's own measurements (the same numbers <c>train</c> reports for that seed).</summary>
    public required IReadOnlyList<SeedResult> PerSeed { get; init; }
    public required UpdatesSection Updates { get; init; }
    public required SparsitySection Sparsity { get; init; }
    public required PruningSection Pruning { get; init; }
    public required LowRankSection LowRank { get; init; }
    public required SweepsSection Sweeps { get; init; }
    /// <summary>The settings where the theory predicts the claims fail (saturated / near-uniform attention, untrained W_O, shuffled training labels).</summary>
    public required ControlsSection Controls { get; init; }
    /// <summary>Issue #23: the full model against the control with W_Q, W_K frozen at W(0); decides whether the attention-update claims apply.</summary>
    public required AttentionMattersSection AttentionMatters { get; init; }
    /// <summary>Issue #23: the theorem's sufficient conditions on this run's config, each inside or not.</summary>
    public required IReadOnlyList<TheoryCondition> TheoryConditions { get; init; }
    /// <summary>True when the run is inside every condition of <see cref="TheoryConditions"/>.</summary>
    public bool InsideTheory => TheoryCondition.AllInside(TheoryConditions);
    public required IReadOnlyList<Verdict> Verdicts { get; init; }
    /// <summary>Beyond synthetic data (issue #16): the real-data experiment on Fashion-MNIST, its verdicts kept apart from <see cref="Verdicts"/>;
    /// null when the dataset is not installed (or the section was switched off), <see cref="RealDataNote"/> then says why.</summary>
    public RealDataResults? RealData { get; init; }
    /// <summary>Why <see cref="RealData"/> is missing (with the install command); null when it is there.</summary>
    public string? RealDataNote { get; init; }
    /// <summary>Phase grids over the theory's conditions (issue #15): every cell, boundaries predicted and measured; empty when none were run.</summary>
    public IReadOnlyList<PhaseResult> Phase { get; init; } = [];
    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }
    public required RunInfo Run { get; init; }
    /// <summary>How, when and by which build the run was made (set by the front end; null for library calls).</summary>
    public Provenance? Provenance { get; init; }

    public bool AllHold => Verdicts.All(v => v.Holds);

    /// <summary>Verdicts whose control did not fail: their check cannot tell the claim from its absence (a problem of the check).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<Verdict> ControlsThatHold => Verdicts.Where(v => v.Control is { Outcome: VerdictStatus.Holds or VerdictStatus.Inconclusive }).ToList();
}
