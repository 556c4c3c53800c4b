using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LowRankSparse.Benchmarks;
using Spectre.Console;

namespace LowRankSparse.Cli.Commands;

/// <summary>
/// <c>bench --reproduce</c>: runs this app's <c>reproduce --quick</c> (or, with <c>--full</c>, the default <c>reproduce</c> on the theory
/// config) as a child process, quiet and with every core kept busy (<see cref="BusyCores"/>), alternating, and prints wall and stage times
/// side by side.
/// </summary>
internal static class BenchReproduce
{
    public static LoadComparison Run(int repeats, string? cli = null, bool full = false, bool loadedToo = true)
    {
        string[] arguments = full ? ["reproduce"] : ["reproduce", "--quick"];
        string scratch = Path.Combine(Path.GetTempPath(), $"lowranksparse-bench-{Environment.ProcessId}");
        var runs = new List<LoadRun>();
        try
        {
            cli ??= typeof(BenchReproduce).Assembly.Location;
            if (!full) Once(cli, scratch, arguments, loaded: false);   // warm-up: file cache, JIT of the child's first start (a full run is its own)
            for (int i = 0; i < repeats; i++)
            {
                runs.Add(Once(cli, scratch, arguments, loaded: false));
                if (loadedToo) runs.Add(Once(cli, scratch, arguments, loaded: true));
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
        return new LoadComparison
        {
            StartedUtc = DateTime.UtcNow,
            ProcessorCount = Environment.ProcessorCount,
            BusyProcesses = Environment.ProcessorCount,
            Repeats = repeats,
            Runs = runs,
            Cli = cli,
            Command = string.Join(' ', arguments),
        };
    }

    private static LoadRun Once(string cli, string scratch, string[] arguments, bool loaded)
    {
        Console.Error.WriteLine($"bench: {string.Join(' ', arguments)}, {(loaded ? $"{Environment.ProcessorCount} cores kept busy" : "quiet")} …");
        double? load = BusyCores.LoadAverage();
        using var busy = loaded ? new BusyCores(Environment.ProcessorCount) : null;
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet", [cli, .. arguments, "--out", scratch, "--force"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start reproduce");
        var stdout = child.StandardOutput.ReadToEndAsync();
        string stderr = child.StandardError.ReadToEnd();
        child.WaitForExit();
        clock.Stop();
        _ = stdout.Result;
        if (child.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', arguments)} exited with {child.ExitCode}: {stderr.Trim()}");
        var stages = JsonNode.Parse(File.ReadAllText(Path.Combine(scratch, "results.json")))!["stage_seconds"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());
        return new LoadRun(loaded, clock.Elapsed.TotalSeconds, stages, load);
    }

    public static void Print(LoadComparison c)
    {
        var table = new Table().Title($"{c.Command}, quiet vs {c.BusyProcesses} busy-loop processes (medians of {c.Repeats}, s)")
            .AddColumn("stage").AddColumn(new TableColumn("quiet").RightAligned()).AddColumn(new TableColumn("loaded").RightAligned())
            .AddColumn(new TableColumn("loaded / quiet").RightAligned());
        foreach (var (stage, quiet, loaded) in c.Stages) table.AddRow(Markup.Escape(stage), F(quiet), F(loaded), quiet > 0 ? F(loaded / quiet) : "–");
        table.AddRow("[bold]wall time of the process[/]", F(c.QuietWallSeconds), F(c.LoadedWallSeconds), F(c.Ratio));
        AnsiConsole.Write(table);
        string loads = string.Join(", ", c.Runs.Select(r => r.LoadAverageBefore is double l ? l.ToString("F1", CultureInfo.InvariantCulture) : "?"));
        AnsiConsole.MarkupLine($"[grey]load average before each run (quiet, loaded, …): {loads}[/]");
    }

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString("F2", CultureInfo.InvariantCulture);
}
