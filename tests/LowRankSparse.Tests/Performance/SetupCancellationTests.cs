using LowRankSparse.Config;
using LowRankSparse.Experiments;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Performance;

/// <summary>
/// Setting up long runs (data, models, batch schedules) takes seconds on a busy machine: a cancellation — the caller's token
/// or a notebook interrupt's ambient one — stops it there, not only once the first training step is reached.
/// </summary>
public class SetupCancellationTests
{
    [Fact]
    public void Building_a_batch_schedule_stops_on_the_given_or_the_ambient_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => BatchSchedule.Indices(1000, 32, 100_000, 1, cancelled.Token));
        using (AmbientCancellation.Use(cancelled.Token))
            Assert.Throws<OperationCanceledException>(() => BatchSchedule.Indices(1000, 32, 100_000, 1));
        using var schedule = BatchSchedule.Indices(1000, 32, 100, 1);                 // not cancelled: built as before
        Assert.Equal(new long[] { 100, 32 }, schedule.shape);
    }

    [Fact]
    public void Training_many_long_runs_that_are_cancelled_runs_no_step()
    {
        var config = ConfigLoader.Load(TestPaths.EasyQuickConfig, ["training.steps=100000", "training.snapshot_every=0"]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        int steps = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => SeedRuns.Train(config, 4, onStep: s => steps = s, cancel: cancelled.Token));
        using (AmbientCancellation.Use(cancelled.Token))
            Assert.ThrowsAny<OperationCanceledException>(() => SeedRuns.Train(config, 4, onStep: s => steps = s));
        Assert.Equal(0, steps);
    }
}
