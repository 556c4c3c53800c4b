using System.Net;
using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// Inline markdown: `code`, **bold**, *italic* / _italic_, [links](url) and ![images](src); everything else is escaped.
/// TeX math ($…$ and $$…$$) is kept verbatim (no emphasis inside it) in a span of class "math", which <see cref="MathAssets"/> typesets in the browser.
/// </summary>
internal static partial class MarkdownInline
{
    /// <summary>How TeX math opens in the HTML (<see cref="MathAssets"/> typesets these spans).</summary>
    public const string MathSpan = "<span class=\"math\">";

    public static string ToHtml(string text)
    {
        var codeSpans = new List<string>();
        string withoutCode = CodeSpan().Replace(text, m =>
        {
            codeSpans.Add("<code>" + WebUtility.HtmlEncode(m.Groups[1].Value) + "</code>");
            return $"\u0001{codeSpans.Count - 1}\u0001";
        });
        withoutCode = Math().Replace(withoutCode, m =>
        {
            codeSpans.Add(MathSpan + WebUtility.HtmlEncode(m.Value) + "</span>");
            return $"\u0001{codeSpans.Count - 1}\u0001";
        });
        string html = WebUtility.HtmlEncode(withoutCode);
        html = Image().Replace(html, "<img alt=\"$1\" src=\"$2\">");
        html = Link().Replace(html, "<a href=\"$2\">$1</a>");
        html = Bold().Replace(html, "<strong>$2</strong>");
        html = Italic().Replace(html, "<em>$2</em>");
        return Placeholder().Replace(html, m => codeSpans[int.Parse(m.Groups[1].Value)]);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\$\$.+?\$\$|\$[^$\n]+?\$", RegexOptions.Singleline)]
    private static partial Regex Math();

    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex("\u0001(\\d+)\u0001")]
    private static partial Regex Placeholder();
}
