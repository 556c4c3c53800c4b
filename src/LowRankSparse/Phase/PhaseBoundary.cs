using LowRankSparse.Verdicts;


namespace LowRankSparse.Phase;

/// <summary>
/// One claim against one condition of the theory on a grid: along the condition's axis, for every value of the other axis, the
/// predicted boundary and the measured one — the midpoint between the last cell that holds and the first that fails, scanning
/// from the side the theory calls inside (not-applicable and inconclusive cells skipped) — and how the cells score against the kind of
/// condition (issue #24): the theory's conditions are sufficient, so inside one the claim should hold (a cell that fails there is a
/// disagreement), while outside it the theory predicts nothing (a cell that holds or fails there is "not predicted", never a disagreement).
/// </summary>
public sealed record PhaseBoundary(string Claim, string Condition, string Axis, string OtherAxis, IReadOnlyList<BoundaryRow> Rows,
    int Agree, int Applicable, string Summary)
{
    /// <summary>Applicable cells inside the condition where the claim fails: the disagreements with the theory.</summary>
    public int Disagree { get; init; }

    /// <summary>Applicable cells inside the condition whose interval straddles the criterion.</summary>
    public int Inconclusive { get; init; }

    /// <summary>Applicable cells outside the condition (the theory predicts nothing there), and how many of them hold.</summary>
    public int Outside { get; init; }
    public int OutsideHolds { get; init; }

    public static IReadOnlyList<PhaseBoundary> All(PhaseGrid grid, IReadOnlyList<PhaseCell> cells) =>
        PhaseCondition.For(grid.X, grid.Y).SelectMany(c => PhaseClaims.All.Select(claim => Of(grid, cells, c, claim))).ToList();

    public static PhaseBoundary Of(PhaseGrid grid, IReadOnlyList<PhaseCell> cells, PhaseCondition condition, string claim)
    {
        bool alongX = condition.Axes.ContainsKey(grid.X.Name);
        var axis = alongX ? grid.X : grid.Y;
        var other = alongX ? grid.Y : grid.X;
        var (at, insideBelow) = condition.Axes[axis.Name];
        var rows = new List<BoundaryRow>();
        int otherCount = alongX ? grid.YValues.Count : grid.XValues.Count;
        for (int o = 0; o < otherCount; o++)
        {
            var line = cells.Where(c => (alongX ? c.Iy : c.Ix) == o).OrderBy(c => alongX ? c.X : c.Y).ToList();
            if (!insideBelow) line.Reverse();
            double Along(PhaseCell c) => alongX ? c.X : c.Y;
            double predicted = at(grid.CellConfig(line[0].X, line[0].Y, 0));
            double? lastHold = null, firstFail = null;
            foreach (var c in line)
            {
                var s = c.Verdict(claim).Status;
                if (s == VerdictStatus.Holds) lastHold = Along(c);
                else if (s == VerdictStatus.Fails) { firstFail = Along(c); break; }
            }
            string f(double v) => axis.Format(v);
            double? measured = lastHold is double h && firstFail is double ff ? (h + ff) / 2 : null;
            string text = firstFail is null ? lastHold is null ? "no applicable cell" : "holds at every applicable value"
                : lastHold is null ? $"fails already at the most inside applicable value {f(firstFail.Value)}"
                : $"holds from the inside through {f(lastHold.Value)}, fails first at {f(firstFail.Value)} (boundary ≈ {f(measured!.Value)})";
            rows.Add(new BoundaryRow(alongX ? grid.YValues[o] : grid.XValues[o], predicted, measured, text));
        }
        var applicable = cells.Where(c => c.Verdict(claim).Status != VerdictStatus.NotApplicable).ToList();
        var inside = applicable.Where(c => condition.Inside(grid.CellConfig(c.X, c.Y, 0))).ToList();
        var outside = applicable.Except(inside).ToList();
        int agree = inside.Count(c => c.Verdict(claim).Status == VerdictStatus.Holds);
        int disagree = inside.Count(c => c.Verdict(claim).Status == VerdictStatus.Fails);
        int unsure = inside.Count(c => c.Verdict(claim).Status == VerdictStatus.Inconclusive);
        int outsideHolds = outside.Count(c => c.Verdict(claim).Status == VerdictStatus.Holds);
        string rowsText = string.Join("; ", rows.Select(r => $"{other.Symbol} = {other.Format(r.Other)}: predicted {axis.Symbol} {(insideBelow ? "<" : ">")} {axis.Format(r.Predicted)}, measured {r.Measurement}"));
        string summary = $"{claim} along {axis.Symbol} ({condition.Id}, a sufficient condition: {condition.Text}): {rowsText}. " +
                         $"Inside the condition the claim holds in {agree} of {inside.Count} applicable cells ({disagree} fail — disagreements with the theory; " +
                         $"{unsure} inconclusive); outside it the theory predicts nothing ({outsideHolds} of {outside.Count} hold — not predicted, not a disagreement).";
        return new PhaseBoundary(claim, condition.Id, axis.Name, other.Name, rows, agree, inside.Count, summary)
        { Disagree = disagree, Inconclusive = unsure, Outside = outside.Count, OutsideHolds = outsideHolds };
    }
}

/// <summary>One line of the grid along the condition's axis, at one value of the other axis: predicted and measured boundary (null: none found in the grid).</summary>
public sealed record BoundaryRow(double Other, double Predicted, double? Measured, string Measurement);
