using LowRankSparse.Util;
using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Training;

namespace LowRankSparse.LowRank;

/// <summary>
/// Trains only rank-r adapters (and W_O, unless the head is frozen at the trained W_O^(T)) on top of the frozen initial W_Q, W_K, W_V, with the same data, batch order,
/// learning rate and number of steps as the full training of the given run, so the two are comparable step for step.
/// </summary>
public static class LoraTraining
{
    public sealed record Result(int R, double Alpha, bool FrozenHead, Evaluation Test, Weights Merged, int TrainableParameters);

    public static Result Train(TrainingRun run, LoraConfig lora, CancellationToken cancel = default)
    {
        ExperimentConfig config = run.Config;
        var t = config.Training;
        using var model = new LoraTransformer(run.Initial, run.OutputVector, lora, config.InitSeed, lora.FrozenHead ? run.Final.WO : null,
            lora.AttentionOnly ? run.Final.WV : null);
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        using var batches = BatchSchedule.Indices(config.Data.TrainSamples, t.BatchSize, t.Steps, config.BatchSeed, cancel);
        Trainer.Loop(parameters, model.forward, run.Train, batches, t.Steps, t.LearningRate, Sgd.Plain, cancel);
        var merged = model.Merged();
        return new Result(lora.R, lora.Alpha, lora.FrozenHead, Evaluation.Of(merged, run.OutputVector, run.Test), merged,
            (int)parameters.Sum(p => p.numel()));
    }
}
