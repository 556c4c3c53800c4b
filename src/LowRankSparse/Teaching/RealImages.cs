using LowRankSparse.Data.Images;
using LowRankSparse.Experiments.RealData;

namespace LowRankSparse.Teaching;

/// <summary>
/// The paper's model on real images (Fashion-MNIST, two classes): each image cut into patch tokens (<see cref="PatchTokens"/>),
/// trained and measured as on the synthetic data (<see cref="RealDataExperiment"/>).
/// </summary>
public static class RealImages
{
    /// <summary>The experiment's settings: quick = 400 + 400 images and 300 steps (<c>reproduce --quick</c>), else the defaults.</summary>
    public static RealDataOptions Options(bool quick) => quick ? RealDataOptions.QuickOptions() : new RealDataOptions();

    /// <summary>Loads the images, trains the real model, its controls and the synthetic comparison, and measures every signature.</summary>
    public static RealDataResults Run(RealDataOptions options) => RealDataExperiment.Run(options);

    /// <summary>The name of Fashion-MNIST class <paramref name="label"/> (0 = T-shirt/top, 1 = Trouser, …).</summary>
    public static string ClassName(int label) => FashionMnist.ClassNames[label];

    /// <summary>
    /// The first training image of class <paramref name="label"/> in file order (the first one the task uses for that class):
    /// 28 × 28 pixels, row by row, scaled to [0, 1].
    /// </summary>
    public static float[] FirstImage(RealDataConfig data, int label)
    {
        var split = FashionMnist.Load(data.DataDir, test: false);
        int index = Array.IndexOf(split.Labels, (byte)label);
        int size = split.Images.Rows * split.Images.Cols;
        return split.Images.Pixels.AsSpan(index * size, size).ToArray().Select(p => p / 255f).ToArray();
    }

    /// <summary>The tokens of one image as the experiment cuts them: row l = patch l (row by row), its pixels row-major.</summary>
    public static float[,] Tokens(float[] pixels, RealDataConfig data)
    {
        var flat = new float[data.Tokens * data.Dim];
        PatchTokens.Write(pixels, FashionMnist.ImageSize, data.Patch, data.AppendPosition, flat, 0);
        var tokens = new float[data.Tokens, data.Dim];
        Buffer.BlockCopy(flat, 0, tokens, 0, flat.Length * sizeof(float));
        return tokens;
    }
}
