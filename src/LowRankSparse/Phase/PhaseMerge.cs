using System.Text.Json;
using System.Text.Json.Nodes;
using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>What <c>phase --shard I/N</c> writes (OUT/shard.json): which shard of how many, the item size the split was made with, and
/// the grid with this shard's cells (no boundaries: they need every cell) and its timing.</summary>
public sealed record PhaseShardResult(int Shard, int Shards, int RunsPerItem, PhaseResult Grid);

/// <summary>
/// <c>phase merge DIR…</c>: reads every shard folder's shard.json and combines the cells into the result an unsharded run writes.
/// Refuses (<see cref="ConfigException"/>, before anything is written) a folder without a shard file, shards of different grids,
/// configs or splits, a shard given twice and a missing shard, each with one message naming the folders and what differs.
/// </summary>
public static class PhaseMerge
{
    public const string ShardFile = "shard.json";

    /// <summary>Reads DIR/shard.json.</summary>
    public static PhaseShardResult Read(string dir)
    {
        string path = Path.Combine(dir, ShardFile);
        if (!File.Exists(path))
            throw new ConfigException("shard folder", dir, $"holds no {ShardFile}: expected the --out folder of a finished `phase --shard I/N` run");
        try
        {
            return JsonSerializer.Deserialize<PhaseShardResult>(File.ReadAllText(path), Json.Options)
                   ?? throw new ConfigException("shard folder", dir, $"its {ShardFile} is empty");
        }
        catch (JsonException e)
        {
            throw new ConfigException("shard folder", dir, $"{path} is not a shard file this version can read ({e.Message}); run that shard again");
        }
    }

    /// <summary>The merged grid: every cell of every shard, in grid order, with the boundaries and the shards' combined timing.</summary>
    public static PhaseResult Merge(IReadOnlyList<(string Dir, PhaseShardResult Shard)> shards)
    {
        if (shards.Count == 0) throw new ConfigException("shard folders", "(none)", "give the --out folder of every shard");
        var (firstDir, first) = shards[0];
        var reference = Descriptor(first);
        foreach (var (dir, shard) in shards.Skip(1))
        {
            var differences = SettingsDiff.Between(reference, Descriptor(shard));
            if (differences.Count > 0)
                throw new ConfigException($"shards of different runs: {dir} is not a shard of the same grid, config and split as {firstDir} " +
                                          $"({string.Join(", ", differences.Take(4))}{(differences.Count > 4 ? ", …" : "")})");
        }
        var twice = shards.GroupBy(s => s.Shard.Shard).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ConfigException($"overlapping shards: shard {twice.Key}/{first.Shards} is given {twice.Count()} times ({string.Join(", ", twice.Select(s => s.Dir))})");
        var missing = Enumerable.Range(0, first.Shards).Except(shards.Select(s => s.Shard.Shard)).ToList();
        if (missing.Count > 0)
            throw new ConfigException($"missing shards: {string.Join(", ", missing.Select(i => $"{i}/{first.Shards}"))} " +
                                      $"(given: {string.Join(", ", shards.Select(s => $"{s.Shard.Shard}/{first.Shards} in {s.Dir}"))}); run them and merge every folder");

        var grid = first.Grid.Grid();
        var cells = shards.SelectMany(s => s.Shard.Grid.Cells).OrderBy(c => c.Iy).ThenBy(c => c.Ix).ToList();
        var expected = grid.Points().Select(p => (p.Ix, p.Iy)).ToList();
        if (!cells.Select(c => (c.Ix, c.Iy)).SequenceEqual(expected))
            throw new ConfigException($"the shards' cells do not make up the grid once each ({cells.Count} cells for {expected.Count} grid points): " +
                                      "a shard file was edited or written by another version; run the shards again");
        return PhaseResult.Of(grid, cells, Timing(grid, shards.Select(s => s.Shard.Grid).ToList()));
    }

    /// <summary>
    /// The shards' timing as one run: wall time of the longest shard (they may run side by side), training and measuring seconds,
    /// CPU seconds, workers and items summed, ms per seed-step and the zero-gradient fraction weighted by each shard's runs.
    /// </summary>
    private static PhaseTiming Timing(PhaseGrid grid, IReadOnlyList<PhaseResult> parts)
    {
        double runs = Math.Max(1, parts.Sum(p => p.Cells.Count));
        double Weighted(Func<PhaseTiming, double> f) => parts.Sum(p => f(p.Timing) * p.Cells.Count) / runs;
        return new PhaseTiming(parts.Max(p => p.Timing.Seconds), parts.Sum(p => p.Timing.TrainSeconds), parts.Sum(p => p.Timing.MeasureSeconds),
            Weighted(t => t.TrainMsPerSeedStep), grid.EstimatedSeconds(), parts.Max(p => p.Timing.ProcessorCount), parts.Sum(p => p.Timing.CpuSeconds),
            parts.Sum(p => p.Timing.Workers), parts.Sum(p => p.Timing.Items), Weighted(t => t.ZeroGradientFraction),
            parts.Sum(p => p.Timing.TrainMsPerComputedSeedStep * p.Cells.Count * (1 - p.Timing.ZeroGradientFraction)) / Math.Max(1e-12, parts.Sum(p => p.Cells.Count * (1 - p.Timing.ZeroGradientFraction))));
    }

    /// <summary>What must agree between the shards of one run, as flat keys: the grid, its base config and the split.</summary>
    private static IReadOnlyDictionary<string, string> Descriptor(PhaseShardResult s) => SettingsDiff.Flat((JsonObject)JsonSerializer.SerializeToNode(new
    {
        s.Shards, s.RunsPerItem, s.Grid.XAxis, s.Grid.XValues, s.Grid.YAxis, s.Grid.YValues, s.Grid.Seeds, s.Grid.PruneRate, s.Grid.BaseConfig,
    }, Json.Options)!);
}
