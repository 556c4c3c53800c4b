using LowRankSparse.Hosting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>No library: plain C# cells with the engine's own display (text, and HTML for types someone registered a formatter for).</summary>
public sealed class PlainHost : INotebookHost
{
    public static PlainHost Instance { get; } = new();

    public void Start() { }

    public IDisposable EnterCell(CancellationToken cancellation) => NoScope.Instance;

    public void CleanUp() { }

    public ChartAssets? Charts => null;

    public HostPackages Packages => HostPackages.None;

    private sealed class NoScope : IDisposable
    {
        public static NoScope Instance { get; } = new();
        public void Dispose() { }
    }
}
