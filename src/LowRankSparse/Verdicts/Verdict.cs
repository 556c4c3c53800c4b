using System.Text.Json.Serialization;

namespace LowRankSparse.Verdicts;

/// <summary>The four outcomes of a claim checked against a measurement (issue #24).</summary>
public enum VerdictStatus
{
    /// <summary>The precondition holds and the measurement agrees with the prediction.</summary>
    Holds,
    /// <summary>The precondition holds and the measurement contradicts the prediction: the claim is not reproduced.</summary>
    Fails,
    /// <summary>The precondition holds but the 95 % interval of a measured quantity straddles its threshold (or only one seed ran): the
    /// measurement neither supports nor contradicts the claim at this many seeds.</summary>
    Inconclusive,
    /// <summary>The precondition does not hold (e.g. the model has not converged): the measurement says nothing about the claim.</summary>
    NotApplicable,
}

/// <summary>
/// The same check run in a setting where the theory predicts the claim fails (saturated or uniform initial attention, an
/// untrained W_O, the wrong pruning order, too low a rank …). A control that holds means the check cannot tell the claim from
/// its absence — a problem of the check, reported as such.
/// </summary>
public sealed record VerdictControl(string Setting, string Measured, VerdictStatus Outcome)
{
    /// <summary>The control held: the check cannot tell the claim from its absence.</summary>
    public bool Holds => Outcome == VerdictStatus.Holds;

    /// <summary>The control failed, as it must for the check to discriminate (an inconclusive control does not).</summary>
    [JsonIgnore] public bool Fails => Outcome == VerdictStatus.Fails;
}

/// <summary>One claim checked against the measurement: its precondition, what was predicted, what was measured, the outcome and the control.</summary>
public sealed record Verdict(string Id, string Claim, string Tag, string Precondition, string Predicted, string Measured, VerdictStatus Status,
    VerdictControl? Control = null)
{
    /// <summary>
    /// Whether the run was inside the theorem's sufficient conditions (<see cref="TheoryCondition"/>); null when they were not evaluated.
    /// Outside them an outcome neither confirms nor refutes the paper: <see cref="StatusText"/> says so beside it.
    /// </summary>
    public bool? InsideTheory { get; init; }

    /// <summary>The conditions the run breaks, e.g. "α*/α# = 3.00 (needs ≥ 2e ≈ 5.44)"; empty when inside or not evaluated.</summary>
    public string? ConditionsBroken { get; init; }

    /// <summary>
    /// The measured quantities the outcome was decided on, each over seeds with its 95 % interval, threshold, reason and margin (issue #24);
    /// empty for checks that are not a statistic over seeds (e.g. the data checks).
    /// </summary>
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    /// <summary>How far the threshold of the deciding criterion could move before the outcome flips, in half-widths of its interval
    /// (<see cref="Criterion.Margin"/>); null when there is no criterion or its interval has no width.</summary>
    public double? Margin => Status == VerdictStatus.NotApplicable ? null : Criterion.Deciding(Criteria.ToList())?.Margin;

    /// <summary>True only when the claim holds (not when it is not applicable).</summary>
    public bool Holds => Status == VerdictStatus.Holds;

    /// <summary>The control failed, as it should: the check can tell the claim from its absence.</summary>
    [JsonIgnore] public bool ControlDiscriminates => Control is { Fails: true };

    /// <summary>Words for the outcome, the same in the terminal, the report and the notebooks.</summary>
    [JsonIgnore] public string StatusText => OutcomeWords + (InsideTheory == false && Status != VerdictStatus.NotApplicable ? OutsideNote : "");

    /// <summary>The outcome alone (holds / not reproduced / inconclusive / not applicable), for tables that show the conditions apart.</summary>
    [JsonIgnore] public string OutcomeWords => Status switch
    {
        VerdictStatus.Holds => "holds",
        VerdictStatus.Fails => "not reproduced",
        VerdictStatus.Inconclusive => "inconclusive",
        _ => "not applicable",
    };

    /// <summary>What an outcome on a run outside the theorem's conditions carries beside it.</summary>
    public const string OutsideNote = " (outside the theorem's conditions: neither confirms nor refutes the paper)";

    public Verdict WithControl(VerdictControl? control) => this with { Control = control };
}
