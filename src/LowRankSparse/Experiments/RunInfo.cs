using System.Reflection;
using static TorchSharp.torch;

namespace LowRankSparse.Experiments;

/// <summary>Provenance recorded in every output: seed, library versions and thread counts (reductions depend on them): TorchThreads is libtorch's default per op;
/// training and every analysis stage use TrainingThreads (one) per op, with up to TrainingWorkers groups or items side by side.</summary>
public sealed record RunInfo(int Seed, string LowRankSparseVersion, string TorchSharpVersion, string LibTorchVersion, int TorchThreads, int TrainingThreads, int TrainingWorkers, string Runtime)
{
    public const string LibTorchPackageVersion = "2.10.0";

    public static RunInfo Current(int seed) => new(
        seed,
        Version(typeof(RunInfo).Assembly),
        Version(typeof(TorchSharp.torch).Assembly),
        LibTorchPackageVersion,
        Util.TorchThreads.Outside,
        Training.BatchedTrainer.ThreadsPerOp,
        Training.BatchedTrainer.WorkersFor(int.MaxValue),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    private static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? a.GetName().Version?.ToString() ?? "?";
}
