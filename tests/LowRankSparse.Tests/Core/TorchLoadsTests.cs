using static TorchSharp.torch;

namespace LowRankSparse.Tests.Core;

/// <summary>The patched TorchSharp shim loads inside the test host and computes (the GLIBCXX_3.4.32 fix works).</summary>
public class TorchLoadsTests
{
    [Fact]
    public void Svd_reconstructs_a_matrix_inside_the_test_host()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[] { 4, 0, 3, -5 }, new long[] { 2, 2 });
        var (u, s, vh) = linalg.svd(a, fullMatrices: false);
        var back = u.matmul(diag(s)).matmul(vh);
        Assert.True((back - a).abs().max().item<double>() < 1e-12);
        Assert.Equal(6.3245553, s[0].item<double>(), 6);
        Assert.True(get_num_threads() >= 1);
    }

    [Fact]
    public void Shim_in_the_output_folder_has_its_GLIBCXX_requirement_marked_weak()
    {
        string shim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(shim), shim);
        int? flags = ElfVersionNeeds.Flags(shim, "GLIBCXX_3.4.32");
        Assert.NotNull(flags);
        Assert.Equal(ElfVersionNeeds.WeakFlag, flags!.Value & ElfVersionNeeds.WeakFlag);
    }
}
