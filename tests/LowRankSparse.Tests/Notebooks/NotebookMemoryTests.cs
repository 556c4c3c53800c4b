using System.Diagnostics;
using LowRankSparse.Interactive.Notebooks;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Notebooks;

/// <summary>
/// Opt-in (Category=Long): running the notebooks again and again in one process keeps native memory flat — every run frees
/// its tensors. Roslyn's compiled cells are never unloaded, so a small managed growth per run is expected and bounded.
/// </summary>
public class NotebookMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Long")]
    public void Running_all_notebooks_repeatedly_in_one_process_keeps_memory_flat()
    {
        var rss = new List<long>();
        for (int round = 0; round < 3; round++)
        {
            foreach (var path in Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Order())
            {
                var result = NotebookRunner.Run(Notebook.Load(path), new RunSettings(new[] { NotebookParameter.Quick }, TimeSpan.FromMinutes(5)));
                Assert.True(result.Succeeded, result.Failure?.ToString());
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            rss.Add(Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024));
            output.WriteLine($"after round {round + 1}: RSS {rss[^1]} MB");
        }
        // the first round loads libtorch, Roslyn and plotly.js; later rounds must not keep growing
        Assert.True(rss[2] - rss[1] < 150, $"RSS grew from {rss[1]} MB to {rss[2]} MB between the second and third round");
    }
}
