using LowRankSparse.Config;
using LowRankSparse.Experiments;

namespace LowRankSparse.Cli;

/// <summary>
/// Before <c>reproduce</c> writes into a folder that holds a run: one with the same settings is simply rerun (and kept in
/// previous/), one with other settings, or a results.json that is no reproduction's, needs --force (exit 2 otherwise, naming
/// the folder and every differing setting).
/// </summary>
internal static class EarlierRun
{
    public static void CheckSettings(string outArg, string dir, ReproduceOptions options, bool force)
    {
        string path = Path.Combine(dir, "results.json");
        if (force || !File.Exists(path)) return;
        var earlier = SettingsDiff.Read(path) is { } json ? SettingsDiff.Of(json) : null;
        if (earlier is null)
            throw new UsageException($"--out '{outArg}' holds a results.json that is not a reproduce run's; choose another --out, or pass --force to replace it (it is kept in {Path.Combine(outArg, "previous")}/)");
        var differences = SettingsDiff.Between(earlier, SettingsDiff.Of(options.Config, options.Quick, options.Seeds));
        if (differences.Count > 0)
            throw new UsageException($"--out '{outArg}' holds a run with other settings ({string.Join(", ", differences)}); " +
                                     $"choose another --out, or pass --force to replace it (the earlier run is then kept in {Path.Combine(outArg, "previous")}/)");
    }
}
