using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>Runs trained together (<see cref="BatchedTrainer"/>) equal the same runs trained one by one, bit for bit.</summary>
public class BatchedTrainingTests
{
    private static ExperimentConfig Quick(params string[] overrides) =>
        ConfigLoader.Load(TestPaths.QuickConfig, new[] { "training.steps=60", "training.snapshot_every=20" }.Concat(overrides));

    [Theory]
    [InlineData(64)]
    [InlineData(128)]   // the default width: larger ops, where a second libtorch thread (batched runs) splits the work
    public void Batched_runs_equal_sequential_runs_bit_for_bit(int neurons)
    {
        string width = $"model.neurons={neurons}";
        var configs = new[]
        {
            Quick("training.seed=0", width),
            Quick("training.seed=1", "data.noise=0.1", width),
            Quick("training.seed=2", "training.learning_rate=0.25", width),
            Quick("training.seed=3", width),
        };
        var batched = BatchedTrainer.Train(configs);
        try
        {
            for (int i = 0; i < configs.Length; i++)
            {
                using var alone = Trainer.Train(configs[i]);
                var together = batched[i];
                Assert.Equal(alone.Loss, together.Loss);
                Assert.Equal(alone.BatchAccuracy, together.BatchAccuracy);
                Assert.Equal(alone.Snapshots.Select(s => s.Step), together.Snapshots.Select(s => s.Step));
                foreach (var (a, b) in alone.Snapshots.Zip(together.Snapshots))
                    foreach (string name in LowRankSparse.Model.Weights.Names)
                        Assert.True(Same(a.Weights[name], b.Weights[name]), $"run {i}, step {a.Step}, {name} differs");
                Assert.True(Same(Util.Matrices.ToHost(alone.Model.WO), Util.Matrices.ToHost(together.Model.WO)));
            }
        }
        finally
        {
            foreach (var r in batched) r.Dispose();
        }
    }

    [Fact]
    public void Runs_of_different_shapes_are_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => BatchedTrainer.Train(new[] { Quick(), Quick("model.neurons=32") }));
        Assert.Contains("model.neurons", e.Message);
    }

    private static bool Same(double[,] a, double[,] b) =>
        a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<double>().SequenceEqual(b.Cast<double>());
}
