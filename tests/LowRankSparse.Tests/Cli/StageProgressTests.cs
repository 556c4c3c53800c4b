using LowRankSparse.Cli;
using Spectre.Console;

namespace LowRankSparse.Tests.Cli;

/// <summary>The progress bars of <c>reproduce</c>: a finished stage's clock stops at its own duration.</summary>
public class StageProgressTests
{
    [Fact]
    public void A_finished_stage_stops_its_clock()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(new StringWriter()),
        });
        ProgressTask? finished = null, running = null;
        console.Progress().AutoRefresh(false).Start(ctx =>
        {
            var progress = new StageProgress(ctx);
            progress.Begin("train 3 seeds × 200 steps", 200);
            progress.Advance(50);
            progress.End();
            finished = progress.Task;
            progress.Begin("pruning: 6 curves × 10 rates × 3 seeds", 6);
            running = progress.Task;
        });
        Assert.NotNull(finished!.StopTime);
        Assert.Equal(finished.StopTime - finished.StartTime, finished.ElapsedTime);   // no longer counting
        Assert.Equal(finished.MaxValue, finished.Value);
        Assert.Null(running!.StopTime);
    }
}
