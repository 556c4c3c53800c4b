namespace LowRankSparse.Theory;

/// <summary>One sentence for a list of verdicts, the same in the terminal, the report and the notebooks.</summary>
public static class VerdictSummary
{
    public static string Of(IReadOnlyCollection<Verdict> verdicts)
    {
        int holds = verdicts.Count(v => v.Status == VerdictStatus.Holds), fails = verdicts.Count(v => v.Status == VerdictStatus.Fails);
        int na = verdicts.Count(v => v.Status == VerdictStatus.NotApplicable), unsure = verdicts.Count(v => v.Status == VerdictStatus.Inconclusive);
        int controls = verdicts.Count(v => v.Control is not null), weak = verdicts.Count(v => v.Control is { Fails: false });
        var parts = new List<string> { $"{holds} of {verdicts.Count} claims hold" };
        if (fails > 0) parts.Add($"{fails} not reproduced");
        if (unsure > 0) parts.Add($"{unsure} inconclusive (the 95 % interval straddles the threshold)");
        if (na > 0) parts.Add($"{na} not applicable (precondition not met)");
        string sentence = string.Join(", ", parts);
        if (controls > 0)
            sentence += weak == 0
                ? $"; every one of the {controls} controls fails, as the theory predicts"
                : $"; {weak} of {controls} controls did not fail — those checks cannot tell the claim from its absence";
        return sentence;
    }
}
