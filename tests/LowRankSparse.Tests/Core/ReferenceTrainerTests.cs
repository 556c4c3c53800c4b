using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Training;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Core;

/// <summary>
/// The fused, hand-differentiated <see cref="Trainer"/> equals <see cref="ReferenceTrainer"/> (the formula, autograd and
/// W −= η·grad) on quick.json for 50 steps, weight by weight; and the comparison is sharp enough to tell a different run apart.
/// </summary>
public class ReferenceTrainerTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private static readonly ExperimentConfig Config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "training.steps=50" });

    [Fact]
    public void Fused_trainer_matches_the_reference_trainer_within_1e_5_on_every_weight()
    {
        using var fast = Trainer.Train(Config);
        var reference = ReferenceTrainer.Train(Config);

        var moved = WeightDifference.Max(fast.Final, fast.Initial);
        Assert.True(moved > 1e3 * Tolerance, $"training moved the weights by only {moved}");
        Assert.Contains(fast.Loss.Skip(10), l => l > 0);                        // still learning after step 10, not trivially done
        var differences = WeightDifference.PerWeight(reference.Final, fast.Final);
        output.WriteLine($"max |reference − fused|: {string.Join(", ", differences.Select(d => $"{d.Key} {d.Value:E2}"))}; weights moved up to {moved:F3}");
        foreach (var (name, diff) in differences)
            Assert.True(diff <= Tolerance, $"{name}: max |reference − fused| = {diff:E2} > {Tolerance:E0}");
        for (int step = 0; step < Config.Training.Steps; step++)
            Assert.True(Math.Abs(reference.Loss[step] - fast.Loss[step]) <= Tolerance,
                $"step {step}: batch loss {reference.Loss[step]} (reference) vs {fast.Loss[step]} (fused)");
    }

    [Fact]
    public void The_reference_with_another_learning_rate_differs_by_far_more_than_the_tolerance()
    {
        using var fast = Trainer.Train(Config);
        var other = ReferenceTrainer.Train(Config with { Training = Config.Training with { LearningRate = 0.45 } });

        double diff = WeightDifference.Max(other.Final, fast.Final);
        output.WriteLine($"η = 0.45 instead of 0.5: max difference {diff:E2}");
        Assert.True(diff > 100 * Tolerance, $"max difference {diff:E2}");
    }

    [Fact]
    public void The_reference_one_update_short_differs_by_far_more_than_the_tolerance()
    {
        // Once every batch has margin ≥ 1 the hinge gradient is 0 and steps change nothing, so stop just before the last step
        // with a non-zero loss: the two runs then differ by exactly that one update.
        using var fast = Trainer.Train(Config);
        int lastMoving = Array.FindLastIndex(fast.Loss, l => l > 0);
        Assert.True(lastMoving > 0, "no step had a non-zero loss");
        var other = ReferenceTrainer.Train(Config with { Training = Config.Training with { Steps = lastMoving } });

        double diff = WeightDifference.Max(other.Final, fast.Final);
        output.WriteLine($"{lastMoving} steps instead of {Config.Training.Steps} (last update at step {lastMoving + 1}): max difference {diff:E2}");
        Assert.True(diff > 100 * Tolerance, $"max difference {diff:E2}");
    }

    [Fact]
    public void Reference_trainer_leaves_the_setup_untouched_and_returns_one_loss_per_step()
    {
        using var setup = TrainingSetup.Create(Config with { Training = Config.Training with { Steps = 3 } });
        var before = Weights.Of(setup.Model);
        var result = ReferenceTrainer.Train(setup);

        Assert.Equal(0, WeightDifference.Max(before, Weights.Of(setup.Model)));
        Assert.Equal(3, result.Loss.Length);
        Assert.True(WeightDifference.Max(before, result.Final) > 0);
    }
}
