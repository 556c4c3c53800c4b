using LowRankSparse.Config;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>Runs trained together (<see cref="BatchedTrainer"/>) equal the same runs trained one by one, bit for bit.</summary>
public class BatchedTrainingTests
{
    private static ExperimentConfig Quick(params string[] overrides) =>
        ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "training.steps=60", "training.snapshot_every=20" }.Concat(overrides));

    [Theory]
    [InlineData(64)]
    [InlineData(128)]   // the easy config's width
    [InlineData(1024)]  // B·L·m over StackSize's budget: each worker trains its runs as several programs one after another
    public void Batched_runs_equal_sequential_runs_bit_for_bit(int neurons)
    {
        string width = $"model.neurons={neurons}";
        var configs = new[]
        {
            Quick("training.seed=0", width),
            Quick("training.seed=1", "data.noise=0.1", width),
            Quick("training.seed=2", "training.learning_rate=0.25", width),
            Quick("training.seed=3", width),
            Quick("training.seed=4", "data.relevant_fraction=0.4", width),   // five runs: unequal groups on a multi-core machine
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
    public void Stacked_programs_hold_as_many_runs_as_the_hidden_activations_allow()
    {
        Assert.Equal(1, StackSize.RunsPerProgram(ConfigLoader.Load(TestPaths.TheoryConfig)));   // theory config: 32 · 40 · 512 hidden values per run
        Assert.Equal(6, StackSize.RunsPerProgram(ConfigLoader.Load(TestPaths.EasyConfig)));      // 32 · 20 · 128: 2¹⁹ ÷ 81 920
        Assert.Equal(1, StackSize.RunsPerProgram(Quick("model.neurons=1024")));
    }

    [Fact]
    public void A_run_diverging_in_a_parallel_group_stops_training_and_names_its_learning_rate()
    {
        var configs = new[] { Quick("training.seed=0"), Quick("training.seed=1"), Quick("training.seed=2", "training.learning_rate=1e30") };
        Assert.True(BatchedTrainer.WorkersFor(configs.Length) >= 1);
        var e = Assert.Throws<DivergenceException>(() => BatchedTrainer.Train(configs));
        Assert.Contains("learning_rate (now 1E+30", e.Message);
    }

    [Fact]
    public void Progress_is_reported_on_the_calling_thread_and_cancellation_stops_every_group()
    {
        var configs = Enumerable.Range(0, 4).Select(s => Quick($"training.seed={s}")).ToList();
        int caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => BatchedTrainer.Train(configs, done =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            if (done >= 30) cancel.Cancel();
        }, cancel.Token));
        Assert.Equal(new[] { caller }, threads);
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
