using System.Diagnostics;

namespace LowRankSparse.Benchmarks;

/// <summary>
/// Keeps cores busy for a measurement under load, as other jobs on a shared machine would: one <c>sh -c 'while :; do :; done'</c>
/// per core, each ended by its own process id on <see cref="Dispose"/>.
/// </summary>
public sealed class BusyCores : IDisposable
{
    private readonly List<Process> _spinners = new();

    public BusyCores(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var spinner = Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })
                          ?? throw new InvalidOperationException("could not start sh for a busy loop");
            _spinners.Add(spinner);
        }
        Thread.Sleep(500);   // let them reach the loop before anything is timed
    }

    public IReadOnlyList<int> ProcessIds => _spinners.Select(p => p.Id).ToList();

    public void Dispose()
    {
        foreach (var p in _spinners)
        {
            try
            {
                if (!p.HasExited) p.Kill();
                p.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            p.Dispose();
        }
        _spinners.Clear();
    }

    /// <summary>The 1-minute load average (Linux /proc/loadavg), or null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
