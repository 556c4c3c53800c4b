using LowRankSparse.Data;
using LowRankSparse.Model;
using static TorchSharp.torch;

namespace LowRankSparse.Analysis;

/// <summary>
/// Mean total attention weight that a query token puts on label-relevant keys (tokens carrying its sample's own class
/// pattern), averaged over queries and samples (docs/paper-notes.md §4.5; grows towards 1 in training).
/// </summary>
public static class AttentionMass
{
    public static double OnLabelRelevant(OneLayerTransformer model, Dataset data, PatternSet patterns)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var attention = model.Attention(data.X);                    // [N, l, s]
        var mask = data.RelevantTokenMask(patterns).unsqueeze(1);   // [N, 1, s]
        return (attention * mask).sum(-1).mean().to(ScalarType.Float64).item<double>();
    }

    /// <summary>The same measure for a snapshot of weights (loads them into the model temporarily).</summary>
    public static double OnLabelRelevant(OneLayerTransformer model, Weights weights, Dataset data, PatternSet patterns) =>
        model.With(weights, () => OnLabelRelevant(model, data, patterns));
}
