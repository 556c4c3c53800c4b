namespace LowRankSparse.Verdicts;

/// <summary>One sentence for a list of verdicts, the same in the terminal, the report and the notebooks.</summary>
public static class VerdictSummary
{
    /// <summary>Only the counts of the four outcomes, e.g. "7 of 14 claims hold, 5 not reproduced, 2 inconclusive".</summary>
    public static string Counts(IReadOnlyCollection<Verdict> verdicts)
    {
        int holds = verdicts.Count(v => v.Status == VerdictStatus.Holds), fails = verdicts.Count(v => v.Status == VerdictStatus.Fails);
        int na = verdicts.Count(v => v.Status == VerdictStatus.NotApplicable), unsure = verdicts.Count(v => v.Status == VerdictStatus.Inconclusive);
        var parts = new List<string> { $"{holds} of {verdicts.Count} claims hold" };
        if (fails > 0) parts.Add($"{fails} not reproduced");
        if (unsure > 0) parts.Add($"{unsure} inconclusive (the 95 % interval straddles the threshold)");
        if (na > 0) parts.Add($"{na} not applicable (precondition not met)");
        // in a run inside the conditions, the claims judged on sweep points outside them (e.g. K > 2) are named; when every outcome is
        // outside (a run outside them, real images), the sentence says so too
        var outside = verdicts.Where(v => v.InsideTheory == false && v.Status != VerdictStatus.NotApplicable).ToList();
        int judged = verdicts.Count(v => v.Status != VerdictStatus.NotApplicable);
        string tail = outside.Count == 0 ? ""
            : outside.Count < judged ? $"; {string.Join(", ", outside.Select(v => v.Id))} judged outside the theorem's conditions (neither confirms nor refutes the paper)"
            : "; all judged outside the theorem's conditions (they neither confirm nor refute the paper)";
        return string.Join(", ", parts) + tail;
    }

    /// <summary>The counts and what the controls say.</summary>
    public static string Of(IReadOnlyCollection<Verdict> verdicts)
    {
        int controls = verdicts.Count(v => v.Control is { Outcome: not VerdictStatus.NotApplicable }),
            weak = verdicts.Count(v => v.Control is { Outcome: VerdictStatus.Holds or VerdictStatus.Inconclusive });
        string sentence = Counts(verdicts);
        if (controls > 0)
            sentence += weak == 0
                ? $"; every one of the {controls} controls fails, as the theory predicts"
                : $"; {weak} of {controls} controls did not fail — those checks cannot tell the claim from its absence";
        return sentence;
    }
}
