using LowRankSparse.Config;
using LowRankSparse.LowRank;
using LowRankSparse.Training;
using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.Pruning;

public class LoraTests
{
    [Fact]
    public void Adapter_gradients_are_the_full_gradient_seen_through_A_so_full_rank_LoRA_follows_full_training()
    {
        // Chain rule with B = 0: dL/dB = s · G · Aᵀ and dL/dA = 0, where G = dL/dW is the full-training gradient at W(0).
        // One LoRA step therefore moves W by −η s² G AᵀA: full training's step, seen through AᵀA (full rank when r = d).
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "data.train_samples=64", "data.test_samples=64", "model.neurons=16" });
        using var run = TrainingSetup.Create(config);   // the untrained model W(0)
        using var scope = NewDisposeScope();
        var x = run.Train.X.narrow(0, 0, 32);
        var y = run.Train.Y.narrow(0, 0, 32);
        Network.HingeLoss(run.Model.forward(x), y).backward();
        var lora = new LoraConfig(R: config.Data.Dim, Alpha: 2.0 * config.Data.Dim);
        using var adapted = new LoraTransformer(Weights.Of(run.Model), run.Model.OutputVector, lora, seed: 1);
        Network.HingeLoss(adapted.forward(x), y).backward();

        foreach (var (g, a, b) in new[] { (run.Model.WQ.grad!, adapted.AQ, adapted.BQ), (run.Model.WK.grad!, adapted.AK, adapted.BK), (run.Model.WV.grad!, adapted.AV, adapted.BV) })
        {
            var expected = g.matmul(a.detach().T) * lora.Scaling;
            Assert.True((b.grad! - expected).abs().max().item<float>() <= 1e-5f * (1 + expected.abs().max().item<float>()));
            Assert.Equal(0f, a.grad is null ? 0f : a.grad.abs().max().item<float>());
        }
        Assert.True((run.Model.WO.grad! - adapted.WO.grad!).abs().max().item<float>() < 1e-6f);   // W_O is trained in full in both
    }

    [Fact]
    public void Low_rank_adapters_reach_full_training_accuracy_on_a_small_run()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "training.steps=100", "data.train_samples=400", "data.test_samples=200", "model.neurons=16" });
        using var full = Trainer.Train(config);
        var lora = LoraTraining.Train(full, new LoraConfig(R: 2, Alpha: 2));
        Assert.True(lora.Test.Accuracy >= full.EvaluateTest().Accuracy - 0.01, $"LoRA {lora.Test.Accuracy} vs full {full.EvaluateTest().Accuracy}");
        Assert.True(lora.TrainableParameters < full.Model.parameters().Sum(p => (int)p.numel()));
    }

    [Fact]
    public void Adapters_start_at_the_base_model()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, new[] { "data.train_samples=64", "data.test_samples=64", "model.neurons=8" });
        using var run = TrainingSetup.Create(config);
        var initial = Weights.Of(run.Model);
        using var adapted = new LoraTransformer(initial, run.Model.OutputVector, new LoraConfig(R: 2, Alpha: 4), seed: 1);
        Assert.Equal(0, Matrices.FrobeniusSquared(adapted.Merged().Minus(initial).WQ));
    }
}
