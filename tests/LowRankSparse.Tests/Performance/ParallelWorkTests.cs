using LowRankSparse.Experiments;
using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>A <c>Map</c> inside a <c>Map</c> (a phase-grid item measuring its seeds) stays on the worker that called it.</summary>
public class ParallelWorkTests
{
    [Fact]
    public void A_nested_map_runs_its_items_in_order_on_the_calling_worker()
    {
        var outer = ParallelWork.Map(Enumerable.Range(0, 4).ToList(), i =>
        {
            int worker = Environment.CurrentManagedThreadId;
            bool onWorker = ParallelWork.OnWorker;
            var inner = ParallelWork.Map(Enumerable.Range(0, 5).ToList(), j => (Value: 10 * i + j, Thread: Environment.CurrentManagedThreadId));
            return (onWorker, worker, inner);
        });
        Assert.False(ParallelWork.OnWorker);                                    // the flag does not leak to the caller
        for (int i = 0; i < outer.Length; i++)
        {
            Assert.True(outer[i].onWorker);
            Assert.Equal(Enumerable.Range(0, 5).Select(j => 10 * i + j), outer[i].inner.Select(x => x.Value));
            Assert.All(outer[i].inner, x => Assert.Equal(outer[i].worker, x.Thread));
        }
    }

    [Fact]
    public void A_nested_map_still_stops_on_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var e = Record.Exception(() => ParallelWork.Map(Enumerable.Range(0, 2).ToList(), (i, _) =>
        {
            cancel.Cancel();
            return ParallelWork.Map(Enumerable.Range(0, 3).ToList(), (j, token) => j, cancel: cancel.Token);
        }, cancel: CancellationToken.None));
        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }
}
