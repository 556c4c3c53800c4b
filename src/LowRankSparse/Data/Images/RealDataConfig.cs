using LowRankSparse.Util;

namespace LowRankSparse.Data.Images;

/// <summary>
/// A binary task cut from a real image dataset (issue #16): two classes, each image cut into non-overlapping square patches that become
/// the tokens. Everything here is [ours] (the paper has synthetic data only): the choice of classes, the patch size, the sample sizes.
/// </summary>
public sealed record RealDataConfig
{
    /// <summary>The dataset; only "fashion_mnist" for now.</summary>
    public string Source { get; init; } = "fashion_mnist";
    /// <summary>The two classes: the first gets label +1, the second −1. Default 0, 1 (T-shirt/top vs Trouser). [ours]</summary>
    public int[] Classes { get; init; } = [0, 1];
    /// <summary>Side of a square patch in pixels; must divide 28. Tokens: L = (28/p)², d = p². Default 4 (L = 49, d = 16). [ours]</summary>
    public int Patch { get; init; } = 4;
    /// <summary>Training images, balanced (half per class, the first ones in file order); null = all of the official split (6 000 + 6 000). [ours]</summary>
    public int? TrainSamples { get; init; }
    /// <summary>Test images from the official test split, balanced; null = all (1 000 + 1 000). [ours]</summary>
    public int? TestSamples { get; init; }
    /// <summary>Append each token's patch position (row, column scaled to [−1, 1]) as two extra coordinates: d = p² + 2. Default off:
    /// the transformer then sees a bag of patches (attention and mean pooling ignore order). [ours]</summary>
    public bool AppendPosition { get; init; }
    /// <summary>Dimension of the data-defined label-relevant span (leading directions of the class-mean difference of the tokens). Default 2,
    /// the paper's K = 2 label-relevant patterns. [ours]</summary>
    public int SpanRank { get; init; } = 2;
    public string DataDir { get; init; } = FashionMnist.DefaultDirectory;

    public int TokensPerSide => FashionMnist.ImageSize / Patch;
    public int Tokens => TokensPerSide * TokensPerSide;
    public int Dim => Patch * Patch + (AppendPosition ? 2 : 0);

    /// <summary>Per class in the official splits of Fashion-MNIST: 6 000 training and 1 000 test images.</summary>
    public const int TrainPerClass = 6000, TestPerClass = 1000;

    public void Validate(Validator v, string prefix = "realdata")
    {
        v.Require(Source == "fashion_mnist", $"{prefix}.source", Source, "must be \"fashion_mnist\" (the only real dataset supported)");
        v.Require(Classes is { Length: 2 }, $"{prefix}.classes", Classes is null ? null : string.Join(",", Classes), "must be two class numbers, e.g. 0,1");
        if (Classes is { Length: 2 })
        {
            foreach (int c in Classes)
                v.Require(c >= 0 && c < FashionMnist.Classes, $"{prefix}.classes", string.Join(",", Classes),
                    $"class {c} is out of range: Fashion-MNIST has classes 0–9 ({string.Join(", ", FashionMnist.ClassNames.Select((n, i) => $"{i} {n}"))})");
            v.Require(Classes[0] != Classes[1], $"{prefix}.classes", string.Join(",", Classes), "must be two different classes");
        }
        v.Require(Patch > 0 && FashionMnist.ImageSize % Patch == 0, $"{prefix}.patch", Patch,
            $"must divide the image size {FashionMnist.ImageSize}: one of 1, 2, 4, 7, 14, 28");
        if (TrainSamples is int n)
            v.Require(n >= 2 && n % 2 == 0 && n <= 2 * TrainPerClass, $"{prefix}.train_samples", n,
                $"must be an even integer in [2, {2 * TrainPerClass}] (balanced: half per class, {TrainPerClass} per class available)");
        if (TestSamples is int t)
            v.Require(t >= 2 && t % 2 == 0 && t <= 2 * TestPerClass, $"{prefix}.test_samples", t,
                $"must be an even integer in [2, {2 * TestPerClass}] (balanced: half per class, {TestPerClass} per class available)");
        v.Require(SpanRank >= 1 && SpanRank <= Math.Max(1, Dim), $"{prefix}.span_rank", SpanRank, $"must be an integer in [1, d = {Dim}]");
        v.Require(!string.IsNullOrWhiteSpace(DataDir), $"{prefix}.data_dir", DataDir, "must name a folder");
    }

    public int TrainCount => TrainSamples ?? 2 * TrainPerClass;
    public int TestCount => TestSamples ?? 2 * TestPerClass;
}
