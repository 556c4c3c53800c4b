using LowRankSparse.Util;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LowRankSparse.Model;

/// <summary>
/// The one-layer transformer of docs/paper-notes.md §2:
/// F(X) = (1/L) Σ_l aᵀ ReLU( W_O Σ_s W_V x_s · softmax_s(x_sᵀ W_Kᵀ W_Q x_l) ),
/// vectorised over batch and tokens. W_Q, W_K, W_V, W_O are trained; a is a fixed buffer.
/// </summary>
public sealed class OneLayerTransformer : nn.Module<Tensor, Tensor>
{
    public OneLayerTransformer(Weights init, double[] a) : base(nameof(OneLayerTransformer))
    {
        WQ = new Parameter(Matrices.ToTensor(init.WQ));
        WK = new Parameter(Matrices.ToTensor(init.WK));
        WV = new Parameter(Matrices.ToTensor(init.WV));
        WO = new Parameter(Matrices.ToTensor(init.WO));
        A = tensor(a.Select(v => (float)v).ToArray());
        OutputVector = a;
        RegisterComponents();
    }

    public Parameter WQ { get; }
    public Parameter WK { get; }
    public Parameter WV { get; }
    public Parameter WO { get; }
    /// <summary>The fixed output vector a, [m].</summary>
    public Tensor A { get; }
    public double[] OutputVector { get; }
    public int Neurons => (int)WO.shape[0];

    public Parameter this[Weight weight] => weight switch
    {
        Weight.Q => WQ,
        Weight.K => WK,
        Weight.V => WV,
        Weight.O => WO,
        _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, null),
    };

    public static OneLayerTransformer Create(ModelConfig config, int dim, int seed) =>
        new(Initializer.Initial(config, dim, seed), Initializer.OutputVector(config.Neurons));

    /// <summary>X [B, L, d] → F(X) [B].</summary>
    public override Tensor forward(Tensor x) => Network.Output(x, WQ, WK, WV, WO, A);

    /// <summary>Attention weights [B, L (query l), L (key s)]: softmax over s of x_sᵀ W_Kᵀ W_Q x_l.</summary>
    public Tensor Attention(Tensor x) => Network.Attention(x, WQ, WK);

    /// <summary>Copies the given weights into the parameters (no autograd).</summary>
    public void Load(Weights w)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        WQ.copy_(Matrices.ToTensor(w.WQ));
        WK.copy_(Matrices.ToTensor(w.WK));
        WV.copy_(Matrices.ToTensor(w.WV));
        WO.copy_(Matrices.ToTensor(w.WO));
    }

    /// <summary>Runs <paramref name="measure"/> with <paramref name="weights"/> loaded, then restores the model's own weights.</summary>
    public T With<T>(Weights weights, Func<T> measure)
    {
        var saved = Weights.Of(this);
        Load(weights);
        try { return measure(); }
        finally { Load(saved); }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) A.Dispose();
        base.Dispose(disposing);
    }
}
