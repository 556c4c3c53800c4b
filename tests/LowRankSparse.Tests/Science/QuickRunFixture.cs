using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Science;

/// <summary>One training run on data/configs/quick.json, shared by the science tests of a class (seconds).</summary>
public sealed class QuickRunFixture : IDisposable
{
    public QuickRunFixture()
    {
        Config = ConfigLoader.Load(TestPaths.EasyQuickConfig);
        Run = Trainer.Train(Config);
        Results = TrainResults.From(Run);
    }

    public ExperimentConfig Config { get; }
    public TrainingRun Run { get; }
    public TrainResults Results { get; }

    public void Dispose() => Run.Dispose();
}
