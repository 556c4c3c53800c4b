namespace LowRankSparse.Verdicts;

/// <summary>A verdict's status as the one word the phase files and figures print (<c>holds</c>, <c>fails</c>, …).</summary>
public static class VerdictStatusText
{
    public static string Of(VerdictStatus s) => s switch
    {
        VerdictStatus.Holds => "holds",
        VerdictStatus.Fails => "fails",
        VerdictStatus.Inconclusive => "inconclusive",
        _ => "not_applicable",
    };
}
