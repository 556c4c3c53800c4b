using LowRankSparse.Config;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Floating-point operations of one SGD step, counted analytically (a multiply-add = 2 FLOPs). Forward per sample:
/// Q, K, V projections 2·L·d·(2m_b + m_a), scores 2·L²·m_b, attention mix 2·L²·m_a, hidden 2·L·m_a·m, output 2·L·m.
/// Backward costs about twice the forward (two matmuls per forward matmul), so a step ≈ 3× forward.
/// </summary>
public static class FlopCount
{
    public static double Forward(ExperimentConfig c)
    {
        double b = c.Training.BatchSize, l = c.Data.Tokens, d = c.Data.Dim, m = c.Model.Neurons;
        double kb = c.Model.KeyDimFor(c.Data.Dim), va = c.Model.ValueDimFor(c.Data.Dim);
        return b * (2 * l * d * (2 * kb + va) + 2 * l * l * kb + 2 * l * l * va + 2 * l * va * m + 2 * l * m);
    }

    public static double Step(ExperimentConfig c) => 3 * Forward(c);
}
