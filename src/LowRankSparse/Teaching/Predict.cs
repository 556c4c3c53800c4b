using LowRankSparse.Theory;

namespace LowRankSparse.Teaching;

/// <summary>The theory's predictions the notebooks compare with a measurement (<see cref="Predictions"/>).</summary>
public static class Predict
{
    /// <summary>Magnitude pruning is free up to R ≈ 1 − (lucky fraction): only the lucky neurons matter.</summary>
    public static double FreePruningRate(double luckyFraction) => Predictions.FreePruningRate(luckyFraction);
}
