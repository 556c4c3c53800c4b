using System.Globalization;
using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Phase;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (<c>phase --shard I/N</c>): the items of the unsharded run
/// (<see cref="PhaseGrid.Items"/>, whole cells of one shape, stacked as one program) numbered 0, 1, … and dealt round-robin, item k
/// to shard k mod N. Every cell is therefore trained in exactly the stacked program it is trained in without sharding, with the same
/// seeds, so its numbers are bit for bit those of the unsharded run whichever shard runs it.
/// </summary>
public sealed record PhaseShard(int Index, int Count)
{
    /// <summary>The whole grid (shard 0 of 1).</summary>
    public static readonly PhaseShard Whole = new(0, 1);

    /// <summary>Parses <c>I/N</c> (0 ≤ I &lt; N, N ≥ 1); anything else is a <see cref="ConfigException"/> naming the option and value.</summary>
    public static PhaseShard Parse(string text, string option = "--shard")
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
            throw new ConfigException(option, text, "expected I/N: shard I of N shards, integers with 0 ≤ I < N (e.g. 0/4)");
        if (count < 1) throw new ConfigException(option, text, $"the number of shards N = {count} must be ≥ 1");
        if (index >= count) throw new ConfigException(option, text, $"the shard index I = {index} must be in [0, N − 1] = [0, {count - 1}]");
        return new PhaseShard(index, count);
    }

    /// <summary>This shard's share of <paramref name="items"/>: item k when k mod <see cref="Count"/> = <see cref="Index"/>.</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> items) => items.Where((_, k) => k % Count == Index).ToList();

    public override string ToString() => $"{Index}/{Count}";
}
