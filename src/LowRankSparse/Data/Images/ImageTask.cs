using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Data.Images;

/// <summary>
/// A binary task from two Fashion-MNIST classes (first class → y = +1, second → −1), balanced: the first n/2 images of each class in
/// file order from the official training split, likewise from the test split. Pixels are scaled to [0, 1] and standardised per pixel
/// with the training images' mean and standard deviation (a pixel constant over the training images becomes 0), then cut into patch
/// tokens (<see cref="PatchTokens"/>). No pattern index exists for real tokens: every entry of <see cref="Dataset.PatternIndex"/>
/// is 2, label-irrelevant under the two class patterns of <see cref="Patterns"/>. Owns its datasets.
/// </summary>
public sealed class ImageTask : IDisposable
{
    private ImageTask(RealDataConfig config, Dataset train, Dataset test, float[] trainTokens, ClassMeanSpan span)
    {
        Config = config;
        Train = train;
        Test = test;
        _trainTokens = trainTokens;
        Span = span;
        var u = span.Pooled;
        double norm = Math.Sqrt(u.Sum(v => v * v));
        var vectors = new double[2, u.Length];
        for (int e = 0; e < u.Length; e++)
        {
            vectors[0, e] = norm > 0 ? u[e] / norm : 0;
            vectors[1, e] = -vectors[0, e];
        }
        Patterns = PatternSet.FromVectors(vectors, 2);
    }

    private readonly float[] _trainTokens;

    public RealDataConfig Config { get; }
    public Dataset Train { get; }
    public Dataset Test { get; }
    /// <summary>μ₊ = pooled class-mean difference (unit), μ₋ = −μ₊: the class patterns [ours] that decide which neurons are lucky at init.</summary>
    public PatternSet Patterns { get; }
    public ClassMeanSpan Span { get; }

    public static ImageTask Load(RealDataConfig config)
    {
        var v = new Validator();
        config.Validate(v);
        v.ThrowIfAny();
        var trainSplit = FashionMnist.Load(config.DataDir, test: false);
        var testSplit = FashionMnist.Load(config.DataDir, test: true);
        foreach (var (split, name) in new[] { (trainSplit, "training"), (testSplit, "test") })
            if (split.Images.Rows != FashionMnist.ImageSize || split.Images.Cols != FashionMnist.ImageSize)
                throw new DataFileException($"the {name} images in {config.DataDir} are {split.Images.Rows} × {split.Images.Cols}, expected {FashionMnist.ImageSize} × {FashionMnist.ImageSize}");

        var trainRows = Pick(trainSplit, config.Classes, config.TrainCount, "training", config.DataDir);
        var testRows = Pick(testSplit, config.Classes, config.TestCount, "test", config.DataDir);
        var (mean, scale) = PixelStatistics(trainSplit.Images, trainRows.Select(r => r.Index));
        var trainTokens = Tokens(trainSplit.Images, trainRows, mean, scale, config);
        var testTokens = Tokens(testSplit.Images, testRows, mean, scale, config);
        var trainLabels = trainRows.Select(r => r.Label).ToArray();
        var span = ClassMeanSpan.Of(trainTokens, trainLabels, config.Tokens, config.Dim, config.SpanRank);
        return new ImageTask(config, Build(trainTokens, trainLabels, config), Build(testTokens, testRows.Select(r => r.Label).ToArray(), config),
            trainTokens, span);
    }

    /// <summary>The training set with labels that carry nothing (<see cref="ShuffledLabels"/>, seeded): the control in which there is nothing to learn.</summary>
    public Dataset ShuffledTrain(int seed) => Build(_trainTokens, ShuffledLabels.Of(Train.Labels, seed), Config);

    /// <summary>The training tokens as a host copy, [N·L·d].</summary>
    public float[] TrainTokens => (float[])_trainTokens.Clone();

    private static List<(int Index, int Label)> Pick(FashionMnist.Split split, int[] classes, int count, string name, string dir)
    {
        var rows = new List<(int, int)>();
        foreach (var (cls, label) in new[] { (classes[0], 1), (classes[1], -1) })
        {
            var of = Enumerable.Range(0, split.Labels.Length).Where(i => split.Labels[i] == cls).Take(count / 2).ToList();
            if (of.Count < count / 2)
                throw new DataFileException($"the {name} split in {dir} has only {of.Count} images of class {cls}, {count / 2} requested");
            rows.AddRange(of.Select(i => (i, label)));
        }
        return rows;
    }

    private static (double[] Mean, double[] Scale) PixelStatistics(IdxReader.Images images, IEnumerable<int> rows)
    {
        int p = images.Rows * images.Cols;
        var sum = new double[p];
        var sq = new double[p];
        int n = 0;
        foreach (int i in rows)
        {
            for (int j = 0; j < p; j++)
            {
                double x = images.Pixels[(long)i * p + j] / 255.0;
                sum[j] += x;
                sq[j] += x * x;
            }
            n++;
        }
        var mean = sum.Select(s => s / n).ToArray();
        var scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            double std = Math.Sqrt(Math.Max(0, sq[j] / n - mean[j] * mean[j]));
            scale[j] = std > 1e-8 ? 1 / std : 0;
        }
        return (mean, scale);
    }

    private static float[] Tokens(IdxReader.Images images, List<(int Index, int Label)> rows, double[] mean, double[] scale, RealDataConfig config)
    {
        int p = images.Rows * images.Cols;
        long perImage = (long)config.Tokens * config.Dim;
        var x = new float[rows.Count * perImage];
        var pixels = new float[p];
        for (int r = 0; r < rows.Count; r++)
        {
            long at = (long)rows[r].Index * p;
            for (int j = 0; j < p; j++) pixels[j] = (float)((images.Pixels[at + j] / 255.0 - mean[j]) * scale[j]);
            PatchTokens.Write(pixels, images.Rows, config.Patch, config.AppendPosition, x, r * perImage);
        }
        return x;
    }

    private static Dataset Build(float[] x, int[] labels, RealDataConfig config)
    {
        int n = labels.Length;
        var index = new int[n, config.Tokens];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < config.Tokens; t++) index[i, t] = 2;
        return new Dataset(tensor(x, new long[] { n, config.Tokens, config.Dim }), tensor(labels.Select(y => (float)y).ToArray(), new long[] { n }),
            index, labels);
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
