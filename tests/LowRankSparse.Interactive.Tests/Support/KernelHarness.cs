using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Kernel;

namespace LowRankSparse.Interactive.Tests;

/// <summary>
/// In-process kernels for one test: each binds free ports itself (its connection says port 0), gets a connected client, and
/// logs into <see cref="Log"/>. Everything is disposed with the harness.
/// </summary>
internal sealed class KernelHarness : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public string Folder { get; } = TestPaths.NewTempDir("kernel");

    public LogCapture Log { get; } = new();

    public (JupyterKernel Kernel, KernelClient Client) Start(string scheme = SignatureScheme.HmacSha256, INotebookHost? host = null)
    {
        var (requested, _) = KernelClient.NewConnection(Folder, scheme);
        var kernel = new JupyterKernel(requested, Folder, host ?? DefaultHost.Instance, Log);
        _owned.Add(kernel);
        kernel.Start();
        var client = new KernelClient(kernel.Connection);
        _owned.Add(client);
        return (kernel, client);
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
    }
}

/// <summary>A log written from any thread and read by the test.</summary>
internal sealed class LogCapture : TextWriter
{
    private readonly System.Text.StringBuilder _text = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_text) _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_text) _text.Append(value).Append('\n');
    }

    public string[] Lines
    {
        get { lock (_text) return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries); }
    }

    public int Count(string fragment) => Lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));
}
