using System.Globalization;
using LowRankSparse.Training;
using LowRankSparse.Util;
using static TorchSharp.torch;

namespace LowRankSparse.Experiments;

/// <summary>
/// Where a run's numbers come from, recorded in results.json and the report: how it was started (the front end's arguments, the
/// config file and its overrides), when, by which build (library version, git commit where known), from which seeds and with
/// how many threads. The library only records what its caller gives it; it knows no command line.
/// </summary>
public sealed record Provenance(
    IReadOnlyList<string> Arguments,
    string? ConfigFile,
    IReadOnlyList<string> Overrides,
    string StartedUtc,
    string LibraryVersion,
    string? GitCommit,
    ProvenanceSeeds Seeds,
    ProvenanceThreads Threads)
{
    /// <summary>The provenance of a reproduction that starts now.</summary>
    public static Provenance Of(ReproduceOptions options, IReadOnlyList<string> arguments, string? configFile, IReadOnlyList<string> overrides)
    {
        var c = options.Config;
        var run = RunInfo.Current(c.Training.Seed);
        return new Provenance(arguments, configFile, overrides,
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            run.LowRankSparseVersion, Commit(),
            new ProvenanceSeeds(Enumerable.Range(c.Training.Seed, options.Seeds).ToArray(), c.DataSeed, c.TestSeed, c.InitSeed, c.BatchSeed,
                Enumerable.Range(1000, options.RandomMasks).ToArray()),
            new ProvenanceThreads(Environment.ProcessorCount, Util.TorchThreads.Outside, BatchedTrainer.ThreadsPerOp, BatchedTrainer.WorkersFor(int.MaxValue)));
    }

    /// <summary>The commit of the repository the library was built in (its output folder lies inside it), else of the working folder's.</summary>
    private static string? Commit() =>
        GitHead.Commit(Path.GetDirectoryName(typeof(Provenance).Assembly.Location) ?? AppContext.BaseDirectory) ?? GitHead.Commit(Environment.CurrentDirectory);

    /// <summary>How the run was started, as one line (arguments with spaces quoted).</summary>
    public string CommandLine => string.Join(" ", Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));
}

/// <summary>The training seeds (one model each), the first seed's derived seeds (each seed s derives its own the same way) and the random pruning masks' seeds.</summary>
public sealed record ProvenanceSeeds(int[] Training, int DataSeed, int TestSeed, int InitSeed, int BatchSeed, int[] RandomMasks);

/// <summary>Cores, libtorch's default threads per op, the threads per op every stage uses and the parallel workers (groups) at most.</summary>
public sealed record ProvenanceThreads(int Cores, int TorchDefaultPerOp, int PerOpInStages, int Workers);
