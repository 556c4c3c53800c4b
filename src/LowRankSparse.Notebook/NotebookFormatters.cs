using System.Globalization;
using LowRankSparse.Analysis;
using LowRankSparse.Config;
using LowRankSparse.Figures;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace LowRankSparse.Display;

/// <summary>
/// Registers the library's rich displays with Microsoft.DotNet.Interactive.Formatting, so <c>display(x)</c> or a cell's last
/// expression renders as HTML in a .NET notebook kernel and in our own runner and kernel alike: charts (inline Plotly),
/// figures with captions, configs with their paper/ours tags and symbols, update-metric tables, verdicts and the glossary.
/// A chart carries no plotly.js (an executed notebook stays small): its HTML (<see cref="NotebookChart"/>) draws with the page's
/// plotly.js or loads the copy beside the notebook, and its <see cref="PlotlyMime"/> JSON is drawn natively by VS Code and JupyterLab.
/// Microsoft's .NET Interactive kernel sends only the preferred MIME type of a value (HTML), so in VS Code's Polyglot Notebooks
/// (<see cref="MicrosoftKernel.IsPolyglotNotebooks"/>), whose outputs cannot load a file beside the notebook, charts and figures prefer
/// both: the JSON is what draws there, with VS Code's own plotly.js — no 3.6 MB of plotly.js in the notebook.
/// </summary>
public static class NotebookFormatters
{
    private static int _registered;

    /// <param name="plotlyMimeToo">Ask the host to send <see cref="PlotlyMime.MimeType"/> beside the HTML (Microsoft's kernel; ours and our runner send every registered type).</param>
    public static void Register(bool plotlyMimeToo = false)
    {
        if (plotlyMimeToo)
            foreach (var type in new[] { typeof(GenericChart), typeof(Figures.Figure) })
                Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlotlyMime.MimeType);
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(NotebookChart.Html(chart)), HtmlFormatter.MimeType);
        Formatter.Register<Figures.Figure>((f, writer) => writer.Write(
            $"<div><h4>{System.Net.WebUtility.HtmlEncode(f.Title)}</h4>{NotebookChart.Html(f.Chart)}<p><em>{System.Net.WebUtility.HtmlEncode(f.Caption)}</em></p></div>"), HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(PlotlyMime.Json(chart)), PlotlyMime.MimeType);
        Formatter.Register<Figures.Figure>((f, writer) => writer.Write(PlotlyMime.Json(f)), PlotlyMime.MimeType);
        Formatter.Register<ExperimentConfig>((c, writer) => writer.Write(HtmlTables.Config(c)), HtmlFormatter.MimeType);
        Formatter.Register<Verdict>((v, writer) => writer.Write(HtmlTables.Verdicts(new[] { v })), HtmlFormatter.MimeType);
        Formatter.Register<IReadOnlyList<Verdict>>((v, writer) => writer.Write(HtmlTables.Verdicts(v)), HtmlFormatter.MimeType);
        Formatter.Register<IReadOnlyDictionary<string, UpdateMetrics>>((m, writer) => writer.Write(HtmlTables.Updates(m)), HtmlFormatter.MimeType);
        Formatter.Register<IReadOnlyList<GlossaryTerm>>((t, writer) => writer.Write(GlossaryTables.Html(t)), HtmlFormatter.MimeType);
        Formatter.Register<IReadOnlyList<ConfigSymbol>>((k, writer) => writer.Write(GlossaryTables.Symbols(k)), HtmlFormatter.MimeType);
        Formatter.Register<Verdict>((v, writer) => writer.Write(PlainVerdict(v)), PlainTextFormatter.MimeType);
        Formatter.Register<IReadOnlyList<Verdict>>((list, writer) => writer.Write(
            string.Join("\n", list.Select(PlainVerdict)) + "\n" + VerdictSummary.Of(list)), PlainTextFormatter.MimeType);
        Formatter.Register<Spectrum>((s, writer) => writer.Write(
            "σ = [" + string.Join(", ", s.SingularValues.Select(v => v.ToString("G4", CultureInfo.InvariantCulture))) + "]"), PlainTextFormatter.MimeType);
    }

    private static string PlainVerdict(Verdict v) =>
        $"{v.StatusText.ToUpperInvariant()} [{v.Tag}] {v.Claim}\n  precondition: {v.Precondition}\n  predicted: {v.Predicted}\n  measured:  {v.Measured}" +
        (v.Control is null ? "" : $"\n  control ({v.Control.Setting}): {v.Control.Measured} — {HtmlTables.ControlText(v.Control)}");
}
