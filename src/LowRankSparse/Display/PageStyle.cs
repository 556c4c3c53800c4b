namespace LowRankSparse.Display;

/// <summary>The one look of every HTML page the project writes (report, real-data report, phase page, comparison): a page adds only its own rules.</summary>
public static class PageStyle
{
    private const string Base = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #fafafa; color: #222; }
        main { max-width: 1200px; margin: 0 auto; padding: 1.5rem; background: #fff; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0 1.5rem; }
        th, td { border: 1px solid #ddd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.yes { color: #0a7a2f; font-weight: bold; } td.no { color: #b00020; font-weight: bold; } td.na { color: #8a6d00; font-weight: bold; } td.unsure { color: #1f4e9c; font-weight: bold; }
        .tag { border-radius: 4px; padding: 0 0.35rem; font-size: 0.8rem; }
        .tag.paper { background: #dbeafe; } .tag.ours { background: #fde68a; }
        .figure { margin: 1.5rem 0; } .caption { color: #444; font-size: 0.92rem; }

        """;

    /// <summary>A &lt;style&gt; element: the shared rules, then <paramref name="extra"/>.</summary>
    public static string Element(string extra = "") => "<style>\n" + Base + extra + "\n</style>";
}
