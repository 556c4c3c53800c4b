using System.Text.Json.Serialization;
using LowRankSparse.Util;
using static LowRankSparse.Util.Fmt;

namespace LowRankSparse.Verdicts;

/// <summary>Which side of its threshold a measured quantity must lie on for a claim to hold.</summary>
public enum Comparison
{
    /// <summary>The quantity must be at least the threshold (e.g. an energy share).</summary>
    AtLeast,
    /// <summary>The quantity must be at most the threshold (e.g. a rise in the test hinge).</summary>
    AtMost,
    /// <summary>The quantity must be strictly above the threshold (a bar of 0 for "grows", "beats": every seed equal to it is no growth).</summary>
    Above,
}

/// <summary>
/// One measured quantity a verdict uses, over seeds, held against its threshold (issue #24): the mean with its 95 % Student-t interval
/// (<see cref="SeedInterval"/>), the threshold and the reason for it, and the outcome the interval gives — <c>holds</c> when the whole
/// interval lies on the right side of the threshold, <c>fails</c> when it lies on the wrong side, <c>inconclusive</c> when it straddles it.
/// With one seed no interval is known and the outcome is inconclusive. <see cref="Margin"/> says how far the threshold could move before
/// the outcome flips, in half-widths of the interval.
/// </summary>
public sealed record Criterion(string Quantity, double Mean, double[] Interval, int Seeds, double[] Values, Comparison Comparison,
    [property: JsonPropertyName("bar")] double Threshold, string Reason)
{
    public static Criterion Of(string quantity, IEnumerable<double> perSeed, Comparison comparison, double threshold, string reason)
    {
        var s = SeedInterval.Of(perSeed);
        return new Criterion(quantity, s.Mean, s.Interval, s.Seeds, s.Values, comparison, threshold, reason);
    }

    [JsonIgnore] public double Lo => Interval[0];
    [JsonIgnore] public double Hi => Interval[1];

    /// <summary>Half the interval's width (t₀.₉₇₅ · s/√n); 0 when every seed gave the same value.</summary>
    [JsonIgnore] public double HalfWidth => (Hi - Lo) / 2;

    /// <summary>holds / fails / inconclusive, from where the interval lies against the threshold.</summary>
    public VerdictStatus Outcome
    {
        get
        {
            if (Seeds < 2) return VerdictStatus.Inconclusive;
            bool clears = Comparison switch { Comparison.AtLeast => Lo >= Threshold, Comparison.Above => Lo > Threshold, _ => Hi <= Threshold };
            bool wrong = Comparison switch { Comparison.AtLeast => Hi < Threshold, Comparison.Above => Hi <= Threshold, _ => Lo > Threshold };
            return clears ? VerdictStatus.Holds : wrong ? VerdictStatus.Fails : VerdictStatus.Inconclusive;
        }
    }

    /// <summary>How far the threshold could move before the outcome flips (in the quantity's units): from a clear outcome to the nearer
    /// end of the interval; when inconclusive, to the nearer end (where it would become holds or fails).</summary>
    public double Distance => Outcome switch
    {
        VerdictStatus.Holds => Comparison == Comparison.AtMost ? Threshold - Hi : Lo - Threshold,
        VerdictStatus.Fails => Comparison == Comparison.AtMost ? Lo - Threshold : Threshold - Hi,
        _ => Math.Min(Math.Abs(Threshold - Lo), Math.Abs(Hi - Threshold)),
    };

    /// <summary><see cref="Distance"/> in half-widths of the interval; null when the interval has no width (every seed equal, or one seed).</summary>
    public double? Margin => HalfWidth > 0 ? Distance / HalfWidth : null;

    /// <summary>E.g. "top-2 energy of ΔW_V 0.9931 [0.9902, 0.9960] ≥ 0.99: holds (margin 0.07 half-widths)".</summary>
    public string Text(int digits = 4)
    {
        string interval = Seeds > 1 ? $" [{F(Lo, digits)}, {F(Hi, digits)}]" : " (1 seed, no interval)";
        string margin = Margin is double m ? $"margin {F(m, 2)} half-widths" : $"margin {F(Distance, digits)}";
        return $"{Quantity} {F(Mean, digits)}{interval} {Symbol} {F(Threshold, digits)}: " +
               $"{Words(Outcome)} ({margin})";
    }

    /// <summary>≥, &gt; or ≤.</summary>
    [JsonIgnore] public string Symbol => Comparison switch { Comparison.AtLeast => "≥", Comparison.Above => ">", _ => "≤" };

    /// <summary>The outcome of several criteria that must all hold: fails if any fails, holds if all hold, else inconclusive.</summary>
    public static VerdictStatus All(IReadOnlyCollection<Criterion> criteria) =>
        criteria.Count == 0 ? VerdictStatus.Inconclusive
        : criteria.Any(c => c.Outcome == VerdictStatus.Fails) ? VerdictStatus.Fails
        : criteria.All(c => c.Outcome == VerdictStatus.Holds) ? VerdictStatus.Holds
        : VerdictStatus.Inconclusive;

    /// <summary>The criterion that decides a combined outcome: of the failing ones the farthest from flipping (a failed verdict flips only
    /// when every failing criterion does), else the one closest to flipping.</summary>
    public static Criterion? Deciding(IReadOnlyCollection<Criterion> criteria) =>
        criteria.Where(c => c.Outcome == VerdictStatus.Fails).MaxBy(c => c.Margin ?? double.MaxValue)
        ?? criteria.Where(c => c.Outcome == VerdictStatus.Inconclusive).MinBy(c => c.Margin ?? double.MaxValue)
        ?? criteria.MinBy(c => c.Margin ?? double.MaxValue);

    public static string Words(VerdictStatus s) => s switch
    {
        VerdictStatus.Holds => "holds",
        VerdictStatus.Fails => "fails",
        VerdictStatus.Inconclusive => "inconclusive",
        _ => "not applicable",
    };
}
