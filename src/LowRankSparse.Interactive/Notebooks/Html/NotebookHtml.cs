using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LowRankSparse.Hosting;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// A standalone page of an executed notebook: markdown rendered, code (coloured by <see cref="CodeAssets"/>) and outputs shown,
/// the host's chart script (plotly.js) and (where there is TeX) KaTeX inlined once in the head so charts and math render offline. Works from the nbformat JSON, so any executed notebook can be shown.
/// </summary>
public static class NotebookHtml
{
    public static string Render(Notebook notebook, NotebookFailure? failure, ChartAssets? charts)
    {
        var body = new StringBuilder();
        body.Append($"<p class=\"prompt\">{WebUtility.HtmlEncode(Path.GetFileName(notebook.Path))}</p>\n");
        if (failure is not null) body.Append($"<pre class=\"error\">{WebUtility.HtmlEncode(failure.ToString())}</pre>\n");
        foreach (var cell in notebook.Cells)
        {
            body.Append("<div class=\"cell\">\n");
            if (cell.IsCode) Code(cell, body);
            else if (cell.Type == NotebookCell.Markdown) body.Append(MarkdownHtml.ToHtml(cell.Source));
            else body.Append($"<pre>{WebUtility.HtmlEncode(cell.Source)}</pre>\n");
            body.Append("</div>\n");
        }
        bool drawsCharts = notebook.Cells.Any(c => c.Outputs.Any(o => o?["data"]?[RichValue.Html] is not null));
        string html = body.ToString();
        string head = (drawsCharts && charts is not null ? charts.ScriptTag : "") + (MathAssets.HasMath(html) ? MathAssets.HeadTags : "") + CodeAssets.HeadTags;
        return HtmlPage.Render(Title(notebook), html, head);
    }

    private static void Code(NotebookCell cell, StringBuilder body)
    {
        string count = cell.ExecutionCount?.ToString() ?? " ";
        body.Append($"<div class=\"prompt\">In [{count}]:</div>\n<pre class=\"code\"><code class=\"{CodeAssets.CSharpClass}\">{WebUtility.HtmlEncode(cell.Source)}</code></pre>\n");
        foreach (var output in cell.Outputs.OfType<JsonObject>()) body.Append("<div class=\"output\">").Append(Output(output)).Append("</div>\n");
    }

    private static string Output(JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                string name = output["name"]?.GetValue<string>() ?? "stdout";
                return $"<pre class=\"{name}\">{WebUtility.HtmlEncode(MultilineText.Of(output["text"]))}</pre>";
            case "error":
                string trace = string.Join("\n", (output["traceback"] as JsonArray ?? []).Select(l => l?.GetValue<string>()));
                return $"<pre class=\"error\">{WebUtility.HtmlEncode(trace)}</pre>";
            default:
                var data = output["data"];
                if (data?[RichValue.Html] is { } html) return MultilineText.Of(html);
                return $"<pre>{WebUtility.HtmlEncode(MultilineText.Of(data?[RichValue.Plain]))}</pre>";
        }
    }

    private static string Title(Notebook notebook)
    {
        var heading = notebook.Cells.Where(c => c.Type == NotebookCell.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        return heading?[2..].Trim() ?? notebook.Name;
    }
}
