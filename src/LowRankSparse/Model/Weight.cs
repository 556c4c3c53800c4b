namespace LowRankSparse.Model;

/// <summary>The four trained weights of the one-layer transformer (docs/paper-notes.md §2). Their names in results and figures
/// are <see cref="WeightNames.Name"/>: "W_Q", "W_K", "W_V", "W_O".</summary>
public enum Weight { Q, K, V, O }

/// <summary>The printed names of the weights, the keys results.json uses for them.</summary>
public static class WeightNames
{
    /// <summary>W_Q, W_K, W_V, W_O in that order.</summary>
    public static readonly IReadOnlyList<Weight> All = new[] { Weight.Q, Weight.K, Weight.V, Weight.O };

    /// <summary>W_Q, W_K, W_V: the attention weights whose updates the paper finds low-rank.</summary>
    public static readonly IReadOnlyList<Weight> Attention = new[] { Weight.Q, Weight.K, Weight.V };

    /// <summary>"W_Q", "W_K", "W_V" or "W_O".</summary>
    public static string Name(this Weight weight) => weight switch
    {
        Weight.Q => "W_Q",
        Weight.K => "W_K",
        Weight.V => "W_V",
        Weight.O => "W_O",
        _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, null),
    };

    /// <summary>The weight printed as <paramref name="name"/> ("W_Q" …).</summary>
    public static Weight Parse(string name)
    {
        foreach (var weight in All)
            if (weight.Name() == name) return weight;
        throw new ArgumentException($"unknown weight '{name}'; expected one of {string.Join(", ", All.Select(Name))}");
    }
}
