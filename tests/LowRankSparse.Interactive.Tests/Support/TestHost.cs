using System.Reflection;
using LowRankSparse.Hosting;
using Microsoft.DotNet.Interactive.Formatting;

namespace LowRankSparse.Interactive.Tests;

/// <summary>
/// A stand-in for a library's notebook adapter, to test the engine through the host interface alone: a rich type with an HTML
/// and a Plotly-JSON formatter (<see cref="TestChart"/>), a per-cell token the "library" code watches (<see cref="CellToken"/>),
/// counted clean-ups, a small chart script, two known packages, and an app export naming this test assembly's types.
/// </summary>
public sealed class TestHost : INotebookHost
{
    public static TestHost Instance { get; } = new();

    private static readonly AsyncLocal<CancellationToken> Token = new();
    private int _started, _cleanUps;

    /// <summary>What "library" code running in a cell watches: the running cell's token, as the host set it.</summary>
    public static CancellationToken CellToken => Token.Value;

    public int CleanUps => Volatile.Read(ref _cleanUps);

    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        Formatter.Register<TestChart>((c, w) => w.Write($"<div id=\"{c.Id}\"></div><script>Plotly.newPlot(\"{c.Id}\", [])</script>"), "text/html");
        Formatter.Register<TestChart>((c, w) => w.Write($"{{\"data\": [], \"layout\": {{\"title\": \"{c.Id}\"}}}}"), "application/vnd.plotly.v1+json");
    }

    public IDisposable EnterCell(CancellationToken cancellation)
    {
        var previous = Token.Value;
        Token.Value = cancellation;
        return new Restore(previous);
    }

    public void CleanUp() => Interlocked.Increment(ref _cleanUps);

    public ChartAssets? Charts { get; } = new("chartlib-1.0.min.js", new Lazy<string>(() => "window.Plotly = { newPlot: function () {} };"));

    public HostPackages Packages { get; } = new(
        Assemblies: [typeof(TestHost).Assembly],
        Imports: ["LowRankSparse.Interactive.Tests"],
        Packages:
        [
            new("Chart.Lib", "1.2.3", ["Chart.Lib"]),
            new("Chart.Lib-all", "1.2.3", ["Chart.Lib", "Chart.Lib.Natives"]),
            new("Chart.Lib.Natives", "1.2.4", ["Chart.Lib.Natives"]),
            new("TestLibrary", null, []),
        ],
        App: new AppExport("src/TestLibrary/TestLibrary.csproj", typeof(ArgumentException).FullName!, typeof(TestChart).FullName + ".Page"));

    private sealed class Restore(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Token.Value = previous;
    }
}

/// <summary>A "chart" of the test host: shown as HTML that draws with Plotly.newPlot, and as Plotly JSON.</summary>
public sealed record TestChart(string Id)
{
    /// <summary>The page an exported app writes for a chart (<see cref="AppExport.ChartPage"/>).</summary>
    public static string? Page(object? value) => value is TestChart c ? $"<html>{c.Id}</html>" : null;
}
