using LowRankSparse.Model;
using LowRankSparse.Util;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LowRankSparse.LowRank;

/// <summary>The one-layer transformer with frozen W_Q^(0), W_K^(0), W_V^(0) plus trainable rank-r adapters, and W_O: trainable from
/// the initial W_O, or frozen at the given head (<see cref="LoraConfig.FrozenHead"/>).</summary>
public sealed class LoraTransformer : nn.Module<Tensor, Tensor>
{
    private readonly Tensor _wq0, _wk0, _wv0, _a;
    /// <summary>alpha/r, kept alive for every call that uses it (Util/Scalars.cs).</summary>
    private readonly Scalar _scaling;

    /// <param name="value">With <see cref="LoraConfig.AttentionOnly"/>: the frozen W_V (the trained one); its adapter is not trained.</param>
    public LoraTransformer(Weights initial, double[] a, LoraConfig lora, int seed, double[,]? head = null, double[,]? value = null) : base(nameof(LoraTransformer))
    {
        _wq0 = Matrices.ToTensor(initial.WQ);
        _wk0 = Matrices.ToTensor(initial.WK);
        _wv0 = Matrices.ToTensor(lora.AttentionOnly ? value ?? throw new ArgumentNullException(nameof(value)) : initial.WV);
        _a = tensor(a.Select(v => (float)v).ToArray());
        _scaling = lora.Scaling.ToScalar();
        var rng = SeededRandom.For(seed, "lora");
        (AQ, BQ) = Adapter(initial.WQ, lora.R, rng);
        (AK, BK) = Adapter(initial.WK, lora.R, rng);
        (AV, BV) = Adapter(initial.WV, lora.R, rng);
        if (lora.AttentionOnly)
        {
            AV.requires_grad_(false);
            BV.requires_grad_(false);   // B = 0: W_V stays the frozen value
        }
        WO = new Parameter(Matrices.ToTensor(head ?? initial.WO), requires_grad: !lora.FrozenHead);
        RegisterComponents();
    }

    public Parameter AQ { get; }
    public Parameter BQ { get; }
    public Parameter AK { get; }
    public Parameter BK { get; }
    public Parameter AV { get; }
    public Parameter BV { get; }
    public Parameter WO { get; }

    public override Tensor forward(Tensor x) =>
        Network.Output(x, Effective(_wq0, BQ, AQ), Effective(_wk0, BK, AK), Effective(_wv0, BV, AV), WO, _a);

    /// <summary>Merges the adapters into plain weights (PEFT's <c>merge</c>): W^(0) + (alpha/r)·B·A.</summary>
    public Weights Merged()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return new Weights(
            Matrices.ToHost(Effective(_wq0, BQ, AQ)), Matrices.ToHost(Effective(_wk0, BK, AK)),
            Matrices.ToHost(Effective(_wv0, BV, AV)), Matrices.ToHost(WO));
    }

    private Tensor Effective(Tensor w0, Tensor b, Tensor a) => w0.add(b.matmul(a).mul(_scaling), Scalars.One);

    private static (Parameter A, Parameter B) Adapter(double[,] w0, int r, SeededRandom rng)
    {
        int rows = w0.GetLength(0), cols = w0.GetLength(1);
        double bound = 1 / Math.Sqrt(cols);  // Kaiming-uniform with a = √5, as nn.Linear and PEFT use for A
        var a = new double[r, cols];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < cols; j++) a[i, j] = bound * (2 * rng.NextDouble() - 1);
        return (new Parameter(Matrices.ToTensor(a)), new Parameter(zeros(rows, r)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wq0.Dispose(); _wk0.Dispose(); _wv0.Dispose(); _a.Dispose(); _scaling.Dispose();
        }
        base.Dispose(disposing);
    }
}
