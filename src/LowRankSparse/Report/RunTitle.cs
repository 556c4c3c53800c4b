using System.Net;
using LowRankSparse.Experiments;

namespace LowRankSparse.Report;

/// <summary>
/// What the report says about which run it shows: the config file and its overrides in the title (so a run with
/// <c>--set</c> is never presented as the file's experiment), and the provenance (command line, date, build, seeds, threads).
/// </summary>
public static class RunTitle
{
    /// <summary>E.g. "quick.json (quick mode)", "default.json with data.noise=0.1".</summary>
    public static string Of(ReproduceResults r)
    {
        string file = r.Provenance?.ConfigFile is string f ? Path.GetFileName(f) : "configuration below";
        var overrides = r.Provenance?.Overrides ?? [];
        string mode = r.Quick ? " (quick mode)" : "";
        return overrides.Count == 0 ? file + mode : $"{file}{mode} with {string.Join(", ", overrides)}";
    }

    /// <summary>The rest of the line under the heading: seeds, date and commit.</summary>
    public static string Line(ReproduceResults r)
    {
        var p = r.Provenance;
        string when = p is null ? "" : $", run {p.StartedUtc}{(p.GitCommit is string c ? $" at commit {c[..Math.Min(12, c.Length)]}" : "")}";
        return E($" · {r.Seeds} training seeds{when}");
    }

    /// <summary>The section.key of every <c>--set section.key=value</c>.</summary>
    public static IReadOnlySet<string> OverriddenKeys(IEnumerable<string> overrides) =>
        overrides.Select(o => o.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.Ordinal);

    public static string ProvenanceHtml(ReproduceResults r)
    {
        if (r.Provenance is not { } p) return "";
        return "<h3>Provenance</h3><table>" +
               Row("command line", $"<code>{E(p.CommandLine)}</code>") +
               Row("config file", E(p.ConfigFile ?? "–")) +
               Row("overrides", p.Overrides.Count == 0 ? "none" : string.Join("<br>", p.Overrides.Select(o => $"<mark><code>{E(o)}</code></mark>"))) +
               Row("started (UTC)", E(p.StartedUtc)) +
               Row("LowRankSparse version", E(p.LibraryVersion)) +
               Row("git commit", E(p.GitCommit ?? "unknown (not run from a git checkout)")) +
               Row("seeds", E($"training {string.Join(", ", p.Seeds.Training)}; first seed's data {p.Seeds.DataSeed}, test {p.Seeds.TestSeed}, " +
                              $"init {p.Seeds.InitSeed}, batches {p.Seeds.BatchSeed}; random pruning masks {string.Join(", ", p.Seeds.RandomMasks)}")) +
               Row("threads", E($"{p.Threads.Cores} cores; libtorch default {p.Threads.TorchDefaultPerOp} threads per op; every stage uses " +
                                $"{p.Threads.PerOpInStages} per op with up to {p.Threads.Workers} workers side by side")) +
               "</table>";
    }

    private static string Row(string key, string html) => $"<tr><th>{E(key)}</th><td>{html}</td></tr>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
