using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Tests;

/// <summary>A notebook engine for a test, with a helper that runs one cell and returns its result and outputs.</summary>
internal sealed class EngineSession : IDisposable
{
    public EngineSession(string? baseDirectory = null, TimeSpan? grace = null, INotebookHost? host = null)
    {
        var options = EngineOptions.For(baseDirectory ?? AppContext.BaseDirectory, host ?? DefaultHost.Instance);
        Engine = new NotebookEngine(grace is null ? options : options with { InterruptGrace = grace.Value });
    }

    public NotebookEngine Engine { get; }

    public (CellResult Result, IReadOnlyList<CellOutput> Outputs) Run(string code, TimeSpan? timeout = null)
    {
        var sink = new OutputCollector();
        var result = Engine.ExecuteAsync(new CellRequest(code, timeout ?? TimeSpan.FromSeconds(60)), sink).GetAwaiter().GetResult();
        return (result, sink.Outputs);
    }

    /// <summary>Runs a cell that must succeed and returns its text/plain result.</summary>
    public string Value(string code)
    {
        var (result, outputs) = Run(code);
        Assert.True(result.Succeeded, result.Error?.Value);
        return Assert.IsType<ExecuteResultOutput>(outputs.Last()).Data[RichValue.Plain];
    }

    public void Dispose() => Engine.Dispose();
}

/// <summary>Tests that run C# cells (Roslyn, and TorchSharp with the library's host): one collection, so they never compete for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class NotebookCollection
{
    public const string Name = "Notebook engine";
}
