using System.Net;
using System.Text;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>index.html of a run: each notebook with its status, time and links to its page and executed .ipynb.</summary>
public static class IndexHtml
{
    public static string Render(IReadOnlyList<NotebookRunResult> results)
    {
        var body = new StringBuilder("<h1>Notebooks</h1>\n<table>\n<thead><tr><th>notebook</th><th>status</th><th>time</th><th>files</th></tr></thead>\n<tbody>\n");
        foreach (var result in results)
        {
            string name = WebUtility.HtmlEncode(result.Notebook.Name);
            string status = result.Failure is null
                ? "<span class=\"ok\">ok</span>"
                : $"<span class=\"failed\">failed</span>: {WebUtility.HtmlEncode(result.Failure.ToString())}";
            body.Append($"<tr><td><a href=\"{name}.html\">{name}</a></td><td>{status}</td><td>{result.Duration.TotalSeconds:F1} s</td>")
                .Append($"<td><a href=\"{name}.html\">html</a> · <a href=\"{name}.ipynb\">ipynb</a></td></tr>\n");
        }
        body.Append("</tbody>\n</table>\n");
        body.Append($"<p class=\"prompt\">{results.Count(r => r.Succeeded)} of {results.Count} succeeded · written {DateTime.Now:yyyy-MM-dd HH:mm}</p>\n");
        return HtmlPage.Render("Notebooks", body.ToString());
    }
}
