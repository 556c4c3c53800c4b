using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Training;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.Performance;

/// <summary>
/// A step whose hinge is inactive on every sample of every stacked run has an exactly zero gradient, so <see cref="StackedSgd.Step"/>
/// skips its backward pass and update: the weights after every step are the bits of computing and subtracting that zero gradient.
/// </summary>
public class ZeroGradientSkipTests
{
    /// <summary>The raw bits of every float (so +0 and −0, or two NaNs, are told apart).</summary>
    private static int[] Bits(Tensor t) => t.contiguous().data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    [Fact]
    public void Skipping_zero_gradient_steps_gives_the_weights_of_computing_them_bit_for_bit()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig);
        var setups = Enumerable.Range(0, 2).Select(i => TrainingSetup.Create(SeedRuns.WithSeed(config, i))).ToList();
        try
        {
            using var threads = Util.TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
            using var skipping = new StackedSgd(setups);
            using var computing = new StackedSgd(setups);
            for (int step = 0; step < config.Training.Steps; step++)
            {
                using var scope = NewDisposeScope();
                skipping.Step(step);
                var f = computing.Forward(step);
                computing.Update(computing.Backward(step, f));          // always computes the gradient, zero or not
                Assert.True(Bits(skipping.Weights.Wqkv).SequenceEqual(Bits(computing.Weights.Wqkv)), $"W_QKV differs after step {step + 1}");
                Assert.True(Bits(skipping.Weights.Wo).SequenceEqual(Bits(computing.Weights.Wo)), $"W_O differs after step {step + 1}");
            }
            // the quick config converges well within its 200 steps: most steps are skipped, and some early ones are not
            Assert.InRange(skipping.SkippedSteps, config.Training.Steps / 2, config.Training.Steps - 10);
        }
        finally
        {
            foreach (var s in setups) s.Dispose();
        }
    }
}
