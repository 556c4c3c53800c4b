using LowRankSparse.Interactive.Kernel;
using Xunit.Abstractions;

namespace LowRankSparse.Interactive.Tests;

/// <summary>The replay history: refuses a signature seen before, forgets the oldest half when full, never grows.</summary>
public sealed class DigestHistoryTests(ITestOutputHelper output)
{
    private static string Signature(int i) => i.ToString("x64");   // as long as an hmac-sha256 signature in hex

    [Fact]
    public void A_signature_is_accepted_once_and_still_refused_after_1000_others()
    {
        var history = new DigestHistory();
        Assert.True(history.TryAdd(Signature(0)));
        Assert.False(history.TryAdd(Signature(0)));
        for (int i = 1; i <= 1000; i++) Assert.True(history.TryAdd(Signature(i)));
        Assert.False(history.TryAdd(Signature(0)));
        Assert.Equal(1001, history.Count);
    }

    [Fact]
    public void When_full_it_forgets_the_oldest_half()
    {
        var history = new DigestHistory(capacity: 8);
        for (int i = 0; i < 9; i++) Assert.True(history.TryAdd(Signature(i)));
        Assert.Equal(5, history.Count);                                          // 9 > 8: the oldest 4 forgotten
        Assert.All(Enumerable.Range(4, 5), i => Assert.False(history.TryAdd(Signature(i))));
        Assert.All(Enumerable.Range(0, 4), i => Assert.True(history.TryAdd(Signature(i))));
    }

    [Fact]
    public void Its_memory_stays_flat_past_the_bound()
    {
        var signatures = Enumerable.Range(0, 3 * DigestHistory.DefaultCapacity).Select(Signature).ToArray();   // made before measuring
        long start = GC.GetAllocatedBytesForCurrentThread();
        var history = new DigestHistory();
        long structure = GC.GetAllocatedBytesForCurrentThread() - start;
        int most = 0;
        foreach (string signature in signatures)
        {
            Assert.True(history.TryAdd(signature));
            most = Math.Max(most, history.Count);
        }
        long grown = GC.GetAllocatedBytesForCurrentThread() - start - structure;
        long perString = 22 + 2 * 64 + 2;   // a 64-character string: header and length, UTF-16 characters, terminator
        output.WriteLine($"digest history: at most {most} signatures; set and queue {structure / 1024.0 / 1024:F2} MiB allocated once, " +
                         $"{grown} bytes more over {signatures.Length} additions; with the signatures themselves (hmac-sha256) at most " +
                         $"{(structure + (long)(DigestHistory.DefaultCapacity + 1) * perString) / 1024.0 / 1024:F1} MiB");
        Assert.Equal(DigestHistory.DefaultCapacity, most);
        // flat: no resize (one would allocate over 1 MiB), no per-addition cost (196 608 of them); a few KiB of runtime noise
        Assert.True(grown < 64 * 1024, $"grew by {grown} bytes");
    }
}
