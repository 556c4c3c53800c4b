using LowRankSparse.Experiments;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>One Spectre.Console progress bar per stage of a reproduction (plain lines when not on a terminal): label, bar, percentage,
/// elapsed time (stopped when the stage ends) and the estimated time left.</summary>
internal sealed class StageProgress(ProgressContext? context) : IStageProgress
{
    private ProgressTask? _task;

    /// <summary>The bar of the current (or last) stage; null when not on a terminal.</summary>
    internal ProgressTask? Task => _task;
    private string _stage = "";
    private DateTime _started;

    public void Begin(string stage, int total)
    {
        _stage = stage;
        _started = DateTime.UtcNow;
        _task = context?.AddTask(Markup.Escape(stage), maxValue: Math.Max(1, total));
    }

    public void Advance(int units = 1) => _task?.Increment(units);

    public void End()
    {
        if (_task is not null)
        {
            _task.Value = _task.MaxValue;
            _task.StopTask();   // a finished stage's clock stops at its own duration
        }
        else Console.Error.WriteLine($"{_stage}: {(DateTime.UtcNow - _started).TotalSeconds:F1} s");
    }

    /// <summary>Runs <paramref name="work"/> with live bars on a terminal, or plain stage lines otherwise.</summary>
    public static T Run<T>(Func<IStageProgress, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) return work(new StageProgress(null));
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn())   // the ETA of the running stage
            .Start(ctx => result = work(new StageProgress(ctx)));
        return result;
    }
}
