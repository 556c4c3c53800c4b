using System.Reflection;
using LowRankSparse.Display;
using NetArchTest.Rules;

namespace LowRankSparse.Tests.Architecture;

/// <summary>
/// Issue #22, item 1, read from the compiled library: its folders (one namespace each) form layers with one direction, each
/// using only the layers before it, so no folder cycle can come back unnoticed.
/// <list type="number">
/// <item>Util → Data → Model → Training → Config: the loader sits above the records it loads.</item>
/// <item>Analysis → LowRank, Pruning: measuring a trained model, truncating it, pruning it (LowRank and Pruning are siblings).</item>
/// <item>Theory: what the paper says before anything is measured (predictions, thresholds, the theorem's conditions, convergence).</item>
/// <item>Measurements: what was measured over seeds (the section records and the real-data signatures).</item>
/// <item>Verdicts: measurement held against theory (the claim catalog, the checks, criteria, verdicts, glossary). The brief calls
/// this layer "Claims"; it is named Verdicts because a namespace <c>LowRankSparse.Claims</c> would hide the static class
/// <c>Claims</c> from every file in another <c>LowRankSparse.*</c> namespace (the enclosing namespace is searched before the usings).</item>
/// <item>Phase → Experiments: phase grids over the conditions, then the reproduction stages, real data and results files, which run them.</item>
/// <item>Figures → Display → Report, Compare: figures read records and never train or run the model; Display (tables, formatters,
/// chart assets, config tags) comes before the pages that use it (Report and Compare are siblings).</item>
/// <item>Teaching: the notebooks' façade, on top of everything.</item>
/// </list>
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Library = typeof(PlotlyAssets).Assembly;

    /// <summary>The layers, first to last; the folders in one layer are siblings that use neither of each other.</summary>
    private static readonly string[][] Layers =
    [
        ["Util"], ["Data"], ["Model"], ["Training"], ["Config"], ["Analysis"], ["LowRank", "Pruning"], ["Theory"], ["Measurements"],
        ["Verdicts"], ["Phase"], ["Experiments"], ["Figures"], ["Display"], ["Report", "Compare"], ["Teaching"],
    ];

    private static string Ns(string folder) => "LowRankSparse." + folder;

    public static TheoryData<string> Folders => new(Layers.SelectMany(l => l));

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_layers_before_it(string folder)
    {
        int layer = Array.FindIndex(Layers, l => l.Contains(folder));
        string[] forbidden = Layers.Skip(layer).SelectMany(l => l).Where(f => f != folder).Select(Ns).ToArray();
        if (forbidden.Length == 0) return;   // the top layer may use every other
        var result = Types.InAssembly(Library).That().ResideInNamespace(Ns(folder)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{Ns(folder)} uses a later layer or a sibling ({string.Join(", ", forbidden)}): " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// Figures read records; they never train or run the model (an attention map takes the attention matrix). Allowed from
    /// Training are only the configuration records (<c>…Config</c>: a figure's caption reads the experiment's settings); Data's
    /// records may be read, tensors included (a sample heatmap reads the sample's tokens).
    /// </summary>
    [Fact]
    public void Figures_read_records_and_never_train_or_run_the_model()
    {
        string[] machinery = Library.GetTypes()
            .Where(t => t.Namespace == Ns("Training") && !t.Name.EndsWith("Config", StringComparison.Ordinal) && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).ToArray();
        var result = Types.InAssembly(Library).That().ResideInNamespace(Ns("Figures"))
            .ShouldNot().HaveDependencyOnAny([Ns("Model"), .. machinery]).GetResult();
        Assert.True(result.IsSuccessful, "figures that train or run the model: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_namespace_of_the_library_is_in_a_layer()
    {
        string[] folders = Layers.SelectMany(l => l).ToArray();
        var outside = Library.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()
            .Where(n => n.StartsWith("LowRankSparse", StringComparison.Ordinal))
            .Where(n => !folders.Any(f => n == Ns(f) || n.StartsWith(Ns(f) + ".", StringComparison.Ordinal)));
        Assert.Empty(outside);
    }
}
