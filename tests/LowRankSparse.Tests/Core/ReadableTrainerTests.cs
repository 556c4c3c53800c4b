using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Training;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Core;

/// <summary>
/// The fused, hand-differentiated path behind <see cref="Trainer.Train(ExperimentConfig, Action{int}?, CancellationToken)"/> equals
/// <see cref="Trainer.Readable(ExperimentConfig, Sgd?, Action{int}?, CancellationToken)"/> (optim.SGD, autograd, Network's formula)
/// on quick.json for 50 steps, weight by weight, loss by loss and snapshot by snapshot; the comparison is sharp enough to tell a
/// different run apart; and an optimizer the fused path is not exact for is trained on the readable path.
/// </summary>
public class ReadableTrainerTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private static readonly ExperimentConfig Config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "training.steps=50" });

    [Fact]
    public void Fused_trainer_matches_the_readable_trainer_within_1e_5_on_every_weight_loss_and_snapshot()
    {
        using var fast = Trainer.Train(Config);
        using var readable = Trainer.Readable(Config);

        var moved = WeightDifference.Max(fast.Final, fast.Initial);
        Assert.True(moved > 1e3 * Tolerance, $"training moved the weights by only {moved}");
        Assert.Contains(fast.Loss.Skip(10), l => l > 0);                        // still learning after step 10, not trivially done
        Assert.True(fast.ZeroGradientSteps > 0, "the fused path skipped no step, so the skip is not compared here");
        var differences = WeightDifference.PerWeight(readable.Final, fast.Final);
        output.WriteLine($"max |readable − fused|: {string.Join(", ", differences.Select(d => $"{d.Key.Name()} {d.Value:E2}"))}; weights moved up to {moved:F3}; " +
                         $"{fast.ZeroGradientSteps} steps skipped by the fused path");
        foreach (var (weight, diff) in differences)
            Assert.True(diff <= Tolerance, $"{weight.Name()}: max |readable − fused| = {diff:E2} > {Tolerance:E0}");
        for (int step = 0; step < Config.Training.Steps; step++)
        {
            Assert.True(Math.Abs(readable.Loss[step] - fast.Loss[step]) <= Tolerance,
                $"step {step}: batch loss {readable.Loss[step]} (readable) vs {fast.Loss[step]} (fused)");
            Assert.Equal(fast.BatchAccuracy[step], readable.BatchAccuracy[step]);
        }
        Assert.Equal(fast.Snapshots.Select(s => s.Step), readable.Snapshots.Select(s => s.Step));
        Assert.Equal(0, WeightDifference.Max(fast.Initial, readable.Initial));
        foreach (var (f, r) in fast.Snapshots.Zip(readable.Snapshots))
            Assert.True(WeightDifference.Max(f.Weights, r.Weights) <= Tolerance, $"snapshot at step {f.Step}");
        Assert.Equal(0, WeightDifference.Max(readable.Final, Weights.Of(readable.Model)));   // the model is the trained one
    }

    [Fact]
    public void The_readable_trainer_with_another_learning_rate_differs_by_far_more_than_the_tolerance()
    {
        using var fast = Trainer.Train(Config);
        using var other = Trainer.Readable(Config with { Training = Config.Training with { LearningRate = 0.45 } });

        double diff = WeightDifference.Max(other.Final, fast.Final);
        output.WriteLine($"η = 0.45 instead of 0.5: max difference {diff:E2}");
        Assert.True(diff > 100 * Tolerance, $"max difference {diff:E2}");
    }

    [Fact]
    public void The_readable_trainer_one_update_short_differs_by_far_more_than_the_tolerance()
    {
        // Once every batch has margin ≥ 1 the hinge gradient is 0 and steps change nothing, so stop just before the last step
        // with a non-zero loss: the two runs then differ by exactly that one update.
        using var fast = Trainer.Train(Config);
        int lastMoving = Array.FindLastIndex(fast.Loss, l => l > 0);
        Assert.True(lastMoving > 0, "no step had a non-zero loss");
        using var other = Trainer.Readable(Config with { Training = Config.Training with { Steps = lastMoving } });

        double diff = WeightDifference.Max(other.Final, fast.Final);
        output.WriteLine($"{lastMoving} steps instead of {Config.Training.Steps} (last update at step {lastMoving + 1}): max difference {diff:E2}");
        Assert.True(diff > 100 * Tolerance, $"max difference {diff:E2}");
    }

    [Fact]
    public void An_optimizer_the_fused_path_is_not_exact_for_is_trained_on_the_readable_path()
    {
        var momentum = new Sgd(Momentum: 0.5);
        Assert.True(Sgd.Plain.IsPlain);
        Assert.False(momentum.IsPlain);
        Assert.False(new Sgd(WeightDecay: 1e-4).IsPlain);

        using var chosen = Trainer.Train(Config, momentum);
        using var readable = Trainer.Readable(Config, momentum);
        using var plain = Trainer.Train(Config);

        Assert.Equal(0, chosen.ZeroGradientSteps);
        Assert.Equal(0, WeightDifference.Max(chosen.Final, readable.Final));           // the same path: the same bits
        double diff = WeightDifference.Max(chosen.Final, plain.Final);
        output.WriteLine($"momentum 0.5 against plain SGD: max difference {diff:E2}");
        Assert.True(diff > 100 * Tolerance, $"momentum changed the weights by only {diff:E2}");
    }

    [Fact]
    public void Readable_trainer_trains_the_setup_in_place_with_one_loss_per_step()
    {
        var config = Config with { Training = Config.Training with { Steps = 3, SnapshotEvery = 2 } };
        var setup = TrainingSetup.Create(config);
        var before = Weights.Of(setup.Model);
        using var run = Trainer.Readable(setup, Sgd.Plain);

        Assert.Same(setup.Model, run.Model);
        Assert.Equal(3, run.Loss.Length);
        Assert.Equal(3, run.BatchAccuracy.Length);
        Assert.Equal(new[] { 0, 2, 3 }, run.Snapshots.Select(s => s.Step));
        Assert.Equal(0, WeightDifference.Max(before, run.Initial));
        Assert.True(WeightDifference.Max(before, Weights.Of(setup.Model)) > 0);
        Assert.All(setup.Model.parameters(), p => Assert.True(p.requires_grad));
    }
}
