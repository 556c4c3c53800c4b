using System.Net;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>The frame of the runner's pages: doctype, title, a small style sheet and optional extra head content.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }
        pre { background: #f6f8fa; padding: .6em .8em; overflow-x: auto; border-radius: 4px; font-size: 90%; }
        .cell { margin: 1em 0; }
        .prompt { color: #888; font-family: monospace; font-size: 80%; }
        pre.code { border-left: 3px solid #4a7ebb; }
        pre.stderr { background: #fff4e5; }
        pre.error { background: #fdecea; color: #8a1c1c; }
        .output { margin-left: 1em; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .2em .6em; }
        .ok { color: #1a7f37; } .failed { color: #b3261e; }
        """;

    public static string Render(string title, string body, string head = "") =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>{Style}</style>
        {head}
        </head>
        <body>
        {body}
        </body>
        </html>
        """;
}
