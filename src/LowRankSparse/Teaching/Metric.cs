using LowRankSparse.Phase;

namespace LowRankSparse.Teaching;

/// <summary>What a phase diagram measures in each cell (<see cref="PhaseMetric"/>), each tied to the claim it judges.</summary>
public static class Metric
{
    public static PhaseMetric TopKQ => PhaseMetric.TopKQ;
    public static PhaseMetric TopKK => PhaseMetric.TopKK;
    public static PhaseMetric TopKV => PhaseMetric.TopKV;
    public static PhaseMetric RelevantEnergy => PhaseMetric.RelevantEnergy;
    public static PhaseMetric LuckySeparation => PhaseMetric.LuckySeparation;
    public static PhaseMetric PruningGap => PhaseMetric.PruningGap;
    public static PhaseMetric TestLoss => PhaseMetric.TestLoss;
    public static PhaseMetric TestAccuracy => PhaseMetric.TestAccuracy;
    public static PhaseMetric Attention => PhaseMetric.Attention;
    public static IReadOnlyList<PhaseMetric> All => PhaseMetric.All;
}
