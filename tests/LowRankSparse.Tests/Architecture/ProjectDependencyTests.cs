using System.Reflection;
using LowRankSparse.Display;
using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;
using NetArchTest.Rules;

namespace LowRankSparse.Tests.Architecture;

/// <summary>
/// Issue #22, read from the compiled assemblies: the notebook engine (runner and kernel) stands apart from the library and
/// TorchSharp, behind the host contracts; the core library carries neither the static export's browser driver, nor the
/// benchmarks, nor the notebook formatting package (those live in LowRankSparse.Export, LowRankSparse.Bench and the
/// notebook adapter LowRankSparse.Notebook).
/// </summary>
public sealed class ProjectDependencyTests
{
    private static readonly Assembly Library = typeof(PlotlyAssets).Assembly;
    private static readonly Assembly Engine = typeof(NotebookEngine).Assembly;
    private static readonly Assembly Contracts = typeof(INotebookHost).Assembly;
    private static readonly Assembly Bench = typeof(LowRankSparse.Benchmarks.Timing).Assembly;

    [Fact]
    public void The_notebook_engine_references_neither_the_library_nor_TorchSharp()
    {
        Assert.Equal(["LowRankSparse.Hosting"], References(Engine).Where(n => n.StartsWith("LowRankSparse", StringComparison.Ordinal)));
        Assert.DoesNotContain(References(Engine), n => n.StartsWith("TorchSharp", StringComparison.Ordinal));
        // and no type of it uses one of the library's namespaces, TorchSharp, Plotly.NET or MathNet
        string[] libraryNamespaces = Library.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct().ToArray();
        NoDependency(Engine, [.. libraryNamespaces, "TorchSharp", "Plotly.NET", "MathNet"]);
    }

    [Fact]
    public void The_host_contracts_depend_on_nothing_but_the_framework() =>
        Assert.All(References(Contracts), n => Assert.True(n is "System.Runtime" or "netstandard" || n.StartsWith("System.", StringComparison.Ordinal), n));

    [Fact]
    public void The_core_library_carries_no_browser_driver_no_benchmarks_and_no_notebook_formatting()
    {
        string[] outside = ["PuppeteerSharp", "Microsoft.DotNet.Interactive", "LowRankSparse.Bench", "LowRankSparse.Export", "LowRankSparse.Notebook",
            "LowRankSparse.Interactive", "LowRankSparse.Hosting"];
        Assert.Empty(References(Library).Where(n => outside.Any(o => n.StartsWith(o, StringComparison.Ordinal))));
        // type by type too: the bench's types by full name (FlopCount, the arithmetic of a step, stays in the library's Analysis)
        string[] benchTypes = Bench.GetTypes().Where(t => t.IsPublic).Select(t => t.FullName!).ToArray();
        NoDependency(Library, ["PuppeteerSharp", "Microsoft.DotNet.Interactive", "LowRankSparse.Export", "LowRankSparse.Interactive", "LowRankSparse.Hosting", .. benchTypes]);
    }

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    private static void NoDependency(Assembly assembly, string[] dependencies)
    {
        var result = Types.InAssembly(assembly).Should().NotHaveDependencyOnAny(dependencies).GetResult();
        Assert.True(result.IsSuccessful, $"{assembly.GetName().Name} depends on what it must not: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
