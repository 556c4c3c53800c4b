using LowRankSparse.Data.Images;

namespace LowRankSparse.Tests.RealData;

/// <summary>
/// A fact that needs Debian's Fashion-MNIST files. Outside CI (env CI ≠ "true") it is skipped, with the install command, when they are
/// absent; in CI it always runs, so a CI image without the dataset fails instead of silently skipping (.ci/run installs it).
/// </summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!FashionMnist.IsInstalled() && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"Fashion-MNIST is not installed in {FashionMnist.DefaultDirectory}: `sudo {FashionMnist.InstallCommand}`";
    }
}
