using LowRankSparse.Data;
using LowRankSparse.Model;

namespace LowRankSparse.Training;

/// <summary>Everything a training run starts from: the config, its data and the freshly initialised model.</summary>
public sealed record TrainingSetup(ExperimentConfig Config, PatternSet Patterns, Dataset Train, Dataset Test, OneLayerTransformer Model) : IDisposable
{
    /// <summary>Generates the data of <paramref name="config"/> and builds the initial model (all seeded by the config).</summary>
    public static TrainingSetup Create(ExperimentConfig config)
    {
        config.Validated();
        var patterns = PatternSet.Create(config.Data, config.DataSeed);
        var train = DataGenerator.Generate(config.Data, patterns, config.Data.TrainSamples, config.DataSeed);
        var test = DataGenerator.Generate(config.Data, patterns, config.Data.TestSamples, config.TestSeed);
        var model = OneLayerTransformer.Create(config.Model, config.Data.Dim, config.InitSeed);
        return new TrainingSetup(config, patterns, train, test, model);
    }

    public void Dispose()
    {
        Model.Dispose();
        Train.Dispose();
        Test.Dispose();
    }
}
