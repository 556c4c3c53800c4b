namespace LowRankSparse.Data.Images;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul, Vollgraf 2017: 60 000 training and 10 000 test images of 28 × 28 grey pixels, ten classes) as Debian's
/// <c>dataset-fashion-mnist</c> installs it: four gzip IDX files in <see cref="DefaultDirectory"/>.
/// </summary>
public static class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    public const string InstallCommand = "apt-get install dataset-fashion-mnist";
    public const int ImageSize = 28, Classes = 10;

    public static readonly string[] ClassNames =
        { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" };

    public static readonly string[] Files =
        { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz" };

    /// <summary>One official split: images and their labels 0–9.</summary>
    public sealed record Split(IdxReader.Images Images, byte[] Labels);

    /// <summary>True when all four files are in <paramref name="directory"/>.</summary>
    public static bool IsInstalled(string directory = DefaultDirectory) => Files.All(f => File.Exists(Path.Combine(directory, f)));

    /// <summary>Reads the training (<paramref name="test"/> = false) or test split; a missing folder or file says how to install it.</summary>
    public static Split Load(string directory, bool test)
    {
        if (!Directory.Exists(directory))
            throw new DataFileException($"the Fashion-MNIST folder {directory} does not exist: install the dataset with `{InstallCommand}` " +
                                        "or point --data-dir (realdata.data_dir) at a folder holding its four IDX files");
        string prefix = test ? "t10k" : "train";
        string images = Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), labels = Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz");
        foreach (var f in new[] { images, labels })
            if (!File.Exists(f))
                throw new DataFileException($"{f} is missing: install the dataset with `{InstallCommand}` or point --data-dir at a folder holding {string.Join(", ", Files)}");
        var split = new Split(IdxReader.ReadImages(images), IdxReader.ReadLabels(labels));
        if (split.Images.Count != split.Labels.Length)
            throw new DataFileException($"{images} holds {split.Images.Count} images but {labels} holds {split.Labels.Length} labels");
        int bad = Array.FindIndex(split.Labels, l => l >= Classes);
        if (bad >= 0) throw new DataFileException($"{labels}: label {split.Labels[bad]} of item {bad} is not a class 0–{Classes - 1}");
        return split;
    }
}
