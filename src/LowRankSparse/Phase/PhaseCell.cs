using LowRankSparse.Verdicts;


namespace LowRankSparse.Phase;

/// <summary>
/// One grid point: its axis values, how many seeds ran and how many diverged (the first step at which one did), whether it lies
/// inside the theory's conditions, every measured quantity (mean, std and per seed, over the seeds that did not diverge) and the
/// verdict of each claim there.
/// </summary>
public sealed record PhaseCell(int Ix, int Iy, double X, double Y, int Seeds, int DivergedSeeds, int? DivergedAtStep, bool InsideConditions,
    IReadOnlyDictionary<string, PhaseValue> Metrics, IReadOnlyList<PhaseVerdict> Verdicts)
{
    public bool Diverged => DivergedSeeds > 0;

    public PhaseVerdict Verdict(string claim) => Verdicts.First(v => v.Claim == claim);
}

/// <summary>A quantity over the seeds of a cell: mean, standard deviation and every seed's value (NaN where nothing was measured).</summary>
public sealed record PhaseValue(double Mean, double Std, double[] PerSeed)
{
    public static PhaseValue Of(IReadOnlyList<double> perSeed) => perSeed.Count == 0
        ? new PhaseValue(double.NaN, double.NaN, [])
        : new PhaseValue(perSeed.Average(), Util.Stats.Std(perSeed), perSeed.ToArray());
}

/// <summary>A claim's verdict in one cell, from the public check functions of <see cref="Claims"/>.</summary>
public sealed record PhaseVerdict(string Claim, VerdictStatus Status, string Measured);
