using System.Diagnostics;
using LowRankSparse.Interactive.Notebooks;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.Notebooks;

/// <summary>
/// Opt-in (Category=Long): running the notebooks again and again in one process keeps the managed heap flat and frees every
/// tensor. What does grow is the set of loaded assemblies: Roslyn scripting compiles each cell into an assembly that can
/// never be unloaded (measured ≈ 2.5 MB of resident memory per executed cell, ≈ 110 MB per round of all six notebooks),
/// so the resident-memory bound is per round, not zero.
/// </summary>
public class NotebookMemoryTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Long")]
    public void Running_all_notebooks_repeatedly_in_one_process_keeps_memory_flat()
    {
        var rss = new List<long>();
        var managed = new List<long>();
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
            managed.Add(GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024));
            output.WriteLine($"after round {round + 1}: RSS {rss[^1]} MB, managed heap {managed[^1]} MB, {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies");
        }
        // the first round loads libtorch, Roslyn and plotly.js; later rounds grow only by the compiled cells
        Assert.True(managed[2] - managed[1] < 16, $"managed heap grew from {managed[1]} MB to {managed[2]} MB");
        Assert.True(rss[2] - rss[1] < 150, $"RSS grew from {rss[1]} MB to {rss[2]} MB between the second and third round");
    }
}
