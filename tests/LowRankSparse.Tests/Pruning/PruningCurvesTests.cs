using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Pruning;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Pruning;

public class PruningCurvesTests
{
    [Theory]
    [InlineData(0.0, PruneMethod.Magnitude)]
    [InlineData(0.4, PruneMethod.Random)]
    [InlineData(0.7, PruneMethod.LargestFirst)]
    public void Neuron_contributions_give_the_same_evaluation_as_running_the_pruned_network(double rate, PruneMethod method)
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "training.steps=60", "data.train_samples=200", "data.test_samples=200", "model.neurons=16" });
        using var run = Trainer.Train(config);
        var pruned = PruningCurves.Neurons.Prune(run.Final, rate, method, 3);
        var direct = Evaluation.Of(pruned.Effective, run.OutputVector, run.Test);
        using var contributions = NeuronContributions.Of(run.Final, run.OutputVector, run.Test);
        var keep = Enumerable.Range(0, 16).Select(i => pruned.Masks[Weight.O][i, 0] != 0).ToArray();
        var fast = contributions.Evaluate(keep);
        Assert.Equal(direct.HingeLoss, fast.HingeLoss, 5);
        Assert.Equal(direct.Accuracy, fast.Accuracy, 10);
    }
}
