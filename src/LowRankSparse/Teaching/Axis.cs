using LowRankSparse.Phase;

namespace LowRankSparse.Teaching;

/// <summary>The quantities a phase diagram can vary (<see cref="PhaseAxis"/>): each with its config field and default values.</summary>
public static class Axis
{
    /// <summary>α* − α#: label-relevant minus confusion fraction.</summary>
    public static PhaseAxis AlphaGap => PhaseAxis.AlphaGap;
    /// <summary>τ: the token noise.</summary>
    public static PhaseAxis Noise => PhaseAxis.Noise;
    /// <summary>M: the number of patterns.</summary>
    public static PhaseAxis Patterns => PhaseAxis.Patterns;
    /// <summary>δ: the initial attention scale, W_Q = W_K = δ·I.</summary>
    public static PhaseAxis QkInitScale => PhaseAxis.QkInitScale;
    /// <summary>η: the learning rate.</summary>
    public static PhaseAxis LearningRate => PhaseAxis.LearningRate;
    /// <summary>m: the hidden neurons.</summary>
    public static PhaseAxis Neurons => PhaseAxis.Neurons;
    /// <summary>N: the training samples.</summary>
    public static PhaseAxis TrainSamples => PhaseAxis.TrainSamples;
}
