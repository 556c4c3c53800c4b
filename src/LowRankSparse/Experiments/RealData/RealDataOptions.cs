using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Data.Images;
using LowRankSparse.Measurements;
using LowRankSparse.Model;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Experiments.RealData;

/// <summary>
/// Everything the real-data experiment needs: the task, the network and SGD. The defaults are those of an independent PyTorch pilot
/// (issue #16) — all [ours]: W_Q = W_K = 0.5·I, W_V = I, W_O ~ N(0, 0.01²), m = 128, a = ±1/√m fixed, hinge loss, SGD η = 0.1,
/// B = 32, 3 000 steps. <see cref="Quick"/>: 400 training and 400 test images, 300 steps.
/// </summary>
public sealed record RealDataOptions
{
    public RealDataConfig Data { get; init; } = new();
    public ModelConfig Model { get; init; } = new() { Neurons = 128, QkInitScale = 0.5, ValueInitScale = 1.0, OutputInitStd = 0.01 };
    public TrainingConfig Training { get; init; } = new() { BatchSize = 32, LearningRate = 0.1, Steps = 3000, Seed = 0, SnapshotEvery = 0 };
    public bool Quick { get; init; }
    /// <summary>Initial W_Q = W_K = this·I in the saturated-attention control (as in the synthetic controls).</summary>
    public double SaturatedScale { get; init; } = ControlsSection.SaturatedScale;

    public static RealDataOptions QuickOptions(RealDataConfig? data = null) => new()
    {
        Quick = true,
        Data = (data ?? new RealDataConfig()) with { TrainSamples = (data?.TrainSamples) ?? 400, TestSamples = (data?.TestSamples) ?? 400 },
        Training = new TrainingConfig { BatchSize = 32, LearningRate = 0.1, Steps = 300, Seed = 0, SnapshotEvery = 0 },
    };

    public RealDataOptions Validated()
    {
        var v = new Validator();
        Data.Validate(v);
        Model.Validate(v);
        Training.Validate(v, Data.TrainCount);
        v.Positive(SaturatedScale, "controls.saturated_scale");
        v.ThrowIfAny();
        return this;
    }

    /// <summary>The experiment config the trainer reads: shapes and sample counts from the real task, the synthetic fields unused.</summary>
    public ExperimentConfig ToExperimentConfig(double? qkScale = null) => new()
    {
        Description = $"Fashion-MNIST classes {Data.Classes[0]} vs {Data.Classes[1]}, {Data.Patch}×{Data.Patch} patches",
        Data = new DataConfig { Dim = Data.Dim, NumPatterns = Math.Min(Data.Dim, 16), Tokens = Data.Tokens, TrainSamples = Data.TrainCount, TestSamples = Data.TestCount },
        Model = qkScale is double s ? Model with { QkInitScale = s } : Model,
        Training = Training,
    };
}
