using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>Spectre.Console progress bars (plain lines when the output is not a terminal, e.g. in CI logs).</summary>
internal static class Progress
{
    /// <summary>Runs one stage with a bar that <paramref name="work"/> advances by reporting completed units.</summary>
    public static void Run(string title, int total, Action<Action<int>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var started = DateTime.UtcNow;
            work(_ => { });
            Console.Error.WriteLine($"{title}: done in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return;
        }
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: Math.Max(total, 1));
                work(done => task.Value = done);
                task.Value = task.MaxValue;
            });
    }
}
