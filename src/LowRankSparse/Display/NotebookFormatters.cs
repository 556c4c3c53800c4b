using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace LowRankSparse.Display;

/// <summary>
/// Registers the library's rich displays with Microsoft.DotNet.Interactive.Formatting, so <c>display(x)</c> or a cell's last
/// expression renders as HTML in a .NET notebook kernel and in our own runner and kernel alike.
/// Chart HTML is a fragment (a div and a script) that expects plotly.js on the page: hosts add <see cref="PlotlyAssets.ScriptTag"/> once.
/// </summary>
public static class NotebookFormatters
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), HtmlFormatter.MimeType);
    }
}
