using LowRankSparse.Hosting;
using LowRankSparse.Util;

namespace LowRankSparse.Display;

/// <summary>
/// The library as the notebook engine (our runner and kernel) sees it: its formatters at start-up, the running cell's token as
/// the library's <see cref="AmbientCancellation"/> (training and LoRA loops stop on an interrupt or timeout), freed native memory
/// given back between cells, plotly.js for chart outputs, and TorchSharp, Plotly.NET and MathNet as the packages every cell has.
/// </summary>
public sealed class LibraryNotebookHost : INotebookHost
{
    public static LibraryNotebookHost Instance { get; } = new();

    private readonly Lazy<ChartAssets> _charts = new(() => new ChartAssets(PlotlyAssets.FileName, new Lazy<string>(() => PlotlyAssets.Script)));

    private LibraryNotebookHost() { }

    public void Start() => NotebookFormatters.Register();

    public IDisposable EnterCell(CancellationToken cancellation) => AmbientCancellation.Use(cancellation);

    public void CleanUp() => NativeAllocator.ReleaseFreedMemory();

    public ChartAssets? Charts => _charts.Value;

    public HostPackages Packages { get; } = new(
        Assemblies:
        [
            typeof(TorchSharp.torch).Assembly,
            typeof(Plotly.NET.GenericChart).Assembly,
            typeof(Plotly.NET.CSharp.Chart).Assembly,
            typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
            typeof(MathNet.Numerics.LinearAlgebra.Matrix<>).Assembly,
            typeof(PlotlyAssets).Assembly,
            typeof(LibraryNotebookHost).Assembly,
        ],
        Imports: ["TorchSharp"],
        Packages:
        [
            new("TorchSharp", "0.107.0", ["TorchSharp"]),
            new("TorchSharp-cpu", "0.107.0", ["TorchSharp", "libtorch-cpu-linux-x64"]),
            new("libtorch-cpu-linux-x64", "2.10.0", ["libtorch-cpu-linux-x64"]),
            new("Plotly.NET", "6.0.0", ["Plotly.NET"]),
            new("Plotly.NET.CSharp", "0.14.0", ["Plotly.NET.CSharp"]),
            new("MathNet.Numerics", "5.0.0", ["MathNet.Numerics"]),
            new("Microsoft.DotNet.Interactive.Formatting", "1.0.0-beta.23562.1", ["Microsoft.DotNet.Interactive.Formatting"]),
            new(LibraryName, null, []),
        ],
        App: new AppExport(
            Project: "src/LowRankSparse.Notebook/LowRankSparse.Notebook.csproj",   // the adapter: the library and the formatting package
            BadInputException: typeof(Util.ConfigException).FullName!,
            ChartPage: typeof(ChartPage).FullName + "." + nameof(ChartPage.For)));

    /// <summary>The library's own name as a package (<c>#r "nuget: LowRankSparse"</c> is satisfied by the loaded library).</summary>
    public const string LibraryName = "LowRankSparse";
}
