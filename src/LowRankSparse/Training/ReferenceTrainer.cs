using LowRankSparse.Config;
using LowRankSparse.Model;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Training;

/// <summary>
/// The training of docs/paper-notes.md §2–3 written as plainly as possible, to hold the fast <see cref="Trainer"/> to: the formula
/// F(X) = (1/L) Σ_l aᵀ ReLU(W_O Σ_s W_V x_s softmax_s(x_sᵀ W_Kᵀ W_Q x_l)), the mean hinge loss, autograd, and W −= η·∂loss/∂W,
/// on the same mini-batches (<see cref="BatchSchedule"/>) and initial weights. Slow; for tests and teaching.
/// </summary>
public static class ReferenceTrainer
{
    /// <summary>The final weights and the mean hinge loss of each step's mini-batch (before its update).</summary>
    public sealed record Result(Weights Final, float[] Loss);

    public static Result Train(ExperimentConfig config, CancellationToken cancel = default)
    {
        using var setup = TrainingSetup.Create(config);
        return Train(setup, cancel);
    }

    /// <summary>Trains copies of the setup's initial weights; the setup is left unchanged.</summary>
    public static Result Train(TrainingSetup setup, CancellationToken cancel = default)
    {
        var (t, x, y, a) = (setup.Config.Training, setup.Train.X, setup.Train.Y, setup.Model.A);
        using var threads = TorchThreads.Use(BatchedTrainer.ThreadsPerOp);
        using var batches = BatchSchedule.Indices(setup.Config.Data.TrainSamples, t.BatchSize, t.Steps, setup.Config.BatchSeed, cancel);
        var w = Weights.Of(setup.Model);
        using Tensor wq = Leaf(w.WQ), wk = Leaf(w.WK), wv = Leaf(w.WV), wo = Leaf(w.WO);
        var loss = new float[t.Steps];
        for (int step = 0; step < t.Steps; step++)
        {
            AmbientCancellation.ThrowIfCancellationRequested(cancel);
            using var scope = NewDisposeScope();
            var (xb, yb) = (x.index_select(0, batches[step]), y.index_select(0, batches[step]));   // X [B, L, d], y [B]
            var (q, k, v) = (xb.matmul(wq.mT), xb.matmul(wk.mT), xb.matmul(wv.mT));        // rows W_Q x_l, W_K x_s, W_V x_s
            var attention = q.matmul(k.mT).softmax(-1);                                     // [B, l, s] softmax_s(x_sᵀ W_Kᵀ W_Q x_l)
            var mixed = attention.matmul(v);                                                // [B, L, m_a] Σ_s W_V x_s softmax_s(·)
            var f = nn.functional.relu(mixed.matmul(wo.mT)).matmul(a).mean(new long[] { -1 }); // [B] (1/L) Σ_l aᵀ ReLU(W_O ·)
            var hinge = nn.functional.relu(1 - yb * f).mean();                              // mean max(0, 1 − y·F(X))
            hinge.backward();
            using (no_grad())
                foreach (var p in t.FreezeQk ? new[] { wv, wo } : new[] { wq, wk, wv, wo })   // the control keeps W_Q, W_K at W(0)
                {
                    p.sub_(p.grad! * t.LearningRate);                                        // W −= η · ∂loss/∂W  (a fixed)
                    p.grad = null;
                }
            wq.grad = null;
            wk.grad = null;
            loss[step] = hinge.item<float>();
        }
        return new Result(new Weights(Matrices.ToHost(wq), Matrices.ToHost(wk), Matrices.ToHost(wv), Matrices.ToHost(wo)), loss);
    }

    private static Tensor Leaf(double[,] initial) => Matrices.ToTensor(initial).requires_grad_(true);
}
