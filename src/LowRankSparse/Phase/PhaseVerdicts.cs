using LowRankSparse.Verdicts;


namespace LowRankSparse.Phase;

/// <summary>
/// A grid's claim as one <see cref="Verdict"/>: the check in the cell deepest inside the theory's condition (on the line nearest the
/// base config). The same check in the cell farthest outside on that line is reported beside it, but the theory's conditions are
/// sufficient, not necessary: outside them it predicts nothing, so that cell is no control that must fail (its outcome reads not applicable).
/// The measured and predicted boundary of that line are part of the measurement, so a boundary that differs from the prediction
/// shows in numbers even when both corners agree with the theory.
/// </summary>
public static class PhaseVerdicts
{
    public static Verdict Corners(PhaseResult r, string claim, string? conditionId = null)
    {
        var b = r.Boundaries.First(x => x.Claim == claim && (conditionId is null || x.Condition == conditionId));
        var condition = PhaseCondition.All.First(c => c.Id == b.Condition);
        var axis = PhaseAxis.Named(b.Axis);
        var other = PhaseAxis.Named(b.OtherAxis);
        bool alongX = b.Axis == r.XAxis;
        double baseOther = PhaseCondition.Value(other, r.BaseConfig);
        var row = b.Rows.MinBy(x => Math.Abs(x.Other - baseOther))!;
        var line = r.Cells.Where(c => (alongX ? c.Y : c.X) == row.Other).OrderBy(c => alongX ? c.X : c.Y).ToList();
        bool insideBelow = condition.Axes[axis.Name].InsideBelow;
        var inside = insideBelow ? line[0] : line[^1];
        var outside = insideBelow ? line[^1] : line[0];
        double Along(PhaseCell c) => alongX ? c.X : c.Y;
        bool reaches = !outside.InsideConditions && inside.InsideConditions;
        var vi = inside.Verdict(claim);
        var vo = outside.Verdict(claim);
        string where(PhaseCell c) => $"{axis.Symbol} = {axis.Format(Along(c))}, {other.Symbol} = {other.Format(row.Other)}";
        return new Verdict($"phase_{claim}", $"'{claim}' holds inside the theory's sufficient condition ({condition.Text})", "paper",
            $"the grid reaches both sides of the condition ({(reaches ? "yes" : "no")}) and the cell inside it is applicable ({Status(vi.Status)}): {vi.Measured.Split(';')[0]}",
            $"holds at {where(inside)} (inside); beyond the predicted boundary {axis.Symbol} = {axis.Format(row.Predicted)} [ours: its constant] the theory predicts nothing",
            $"{vi.Measured}. Along this line: {row.Measurement}, predicted boundary {axis.Format(row.Predicted)}; " +
            $"over the grid the claim holds in {b.Agree} of {b.Applicable} applicable cells inside the condition ({b.Disagree} fail, {b.Inconclusive} inconclusive); " +
            $"outside it {b.OutsideHolds} of {b.Outside} hold (not predicted)",
            !reaches || vi.Status == VerdictStatus.NotApplicable ? VerdictStatus.NotApplicable : vi.Status,
            new VerdictControl($"the same check outside the condition, at {where(outside)}: the theory predicts nothing there (reported, not required to fail)",
                $"{Status(vo.Status)}: {vo.Measured}", VerdictStatus.NotApplicable));
    }

    private static string Status(VerdictStatus s) => VerdictStatusText.Of(s);
}
