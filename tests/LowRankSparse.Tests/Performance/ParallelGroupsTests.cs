using LowRankSparse.Training;

namespace LowRankSparse.Tests.Performance;

/// <summary>Groups run side by side; however the caller is stopped, no group is left running when <c>Run</c> returns.</summary>
public class ParallelGroupsTests
{
    [Fact]
    public void Split_gives_contiguous_nearly_equal_groups_in_order()
    {
        var groups = ParallelGroups.Split(Enumerable.Range(0, 10).ToList(), 3);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]], groups.Select(g => g.ToArray()));
        Assert.Single(ParallelGroups.Split([7], 1));
    }

    [Fact]
    public void Interrupting_the_waiting_caller_stops_and_joins_every_group_before_returning()
    {
        int finished = 0, finishedWhenRunReturned = -1;
        Exception? thrown = null;
        var caller = new Thread(() =>
        {
            try
            {
                ParallelGroups.Run<int, int>([[0], [1]], (group, _, stop) =>
                {
                    if (group[0] == 0) return 0;                                   // the caller's own group ends at once
                    try { Task.Delay(Timeout.Infinite, stop).Wait(); } catch (AggregateException) { }   // runs until told to stop
                    Thread.Sleep(200);                                             // and is still busy a little after that
                    Interlocked.Increment(ref finished);
                    stop.ThrowIfCancellationRequested();
                    return 1;
                }, null, CancellationToken.None);
            }
            catch (Exception e)
            {
                thrown = e;
            }
            finishedWhenRunReturned = Volatile.Read(ref finished);
        });
        caller.Start();
        Thread.Sleep(300);                                                         // the caller now waits for the other group
        caller.Interrupt();                                                        // what the notebook engine does on ■
        Assert.True(caller.Join(TimeSpan.FromSeconds(10)), "Run never returned");
        Assert.Equal(1, finishedWhenRunReturned);                                  // the worker was stopped and waited for
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [Fact]
    public void The_first_real_failure_wins_over_the_cancellations_it_causes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ParallelGroups.Run<int, int>([[0], [1], [2]], (group, _, stop) =>
        {
            if (group[0] == 2) throw new InvalidOperationException("group 2 failed");
            Task.Delay(Timeout.Infinite, stop).Wait(stop);                         // the others run until stopped
            return 0;
        }, null, CancellationToken.None));
        Assert.Equal("group 2 failed", e.Message);
    }
}
