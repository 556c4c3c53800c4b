using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// A small markdown-to-HTML conversion for notebook pages: headings, paragraphs, bullet and numbered lists, fenced code,
/// block quotes, pipe tables, rules and the inline forms of <see cref="MarkdownInline"/>. Math ($…$) is kept for <see cref="MathAssets"/>.
/// </summary>
public static partial class MarkdownHtml
{
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        int i = 0;
        while (i < lines.Length)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) { i++; continue; }
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) i = Fence(lines, i, html);
            else if (Heading().Match(line) is { Success: true } h)
            {
                int level = h.Groups[1].Length;
                html.Append($"<h{level}>{MarkdownInline.ToHtml(h.Groups[2].Value.Trim())}</h{level}>\n");
                i++;
            }
            else if (Rule().IsMatch(line)) { html.Append("<hr>\n"); i++; }
            else if (line.StartsWith('>')) i = Quote(lines, i, html);
            else if (ListItem().IsMatch(line)) i = List(lines, i, html);
            else if (IsTableStart(lines, i)) i = Table(lines, i, html);
            else i = Paragraph(lines, i, html);
        }
        return html.ToString();
    }

    private static int Fence(string[] lines, int i, StringBuilder html)
    {
        var code = new StringBuilder();
        for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++) code.Append(lines[i]).Append('\n');
        html.Append("<pre><code>").Append(WebUtility.HtmlEncode(code.ToString())).Append("</code></pre>\n");
        return i + 1;
    }

    private static int Quote(string[] lines, int i, StringBuilder html)
    {
        var inner = new StringBuilder();
        for (; i < lines.Length && lines[i].StartsWith('>'); i++) inner.Append(lines[i][1..].TrimStart()).Append('\n');
        html.Append("<blockquote>\n").Append(ToHtml(inner.ToString())).Append("</blockquote>\n");
        return i;
    }

    private static int List(string[] lines, int i, StringBuilder html)
    {
        string tag = char.IsDigit(lines[i].TrimStart()[0]) ? "ol" : "ul";
        html.Append($"<{tag}>\n");
        while (i < lines.Length && ListItem().Match(lines[i]) is { Success: true } item)
        {
            var text = new StringBuilder(item.Groups[2].Value);
            // continuation lines (indented, not a new item) belong to the item
            for (i++; i < lines.Length && lines[i].StartsWith("  ", StringComparison.Ordinal) && !ListItem().IsMatch(lines[i]); i++)
                text.Append(' ').Append(lines[i].Trim());
            html.Append("<li>").Append(MarkdownInline.ToHtml(text.ToString())).Append("</li>\n");
        }
        html.Append($"</{tag}>\n");
        return i;
    }

    private static bool IsTableStart(string[] lines, int i) =>
        lines[i].Contains('|') && i + 1 < lines.Length && TableRule().IsMatch(lines[i + 1]);

    private static int Table(string[] lines, int i, StringBuilder html)
    {
        html.Append("<table>\n<thead>").Append(Row(lines[i], "th")).Append("</thead>\n<tbody>\n");
        for (i += 2; i < lines.Length && lines[i].Contains('|'); i++) html.Append(Row(lines[i], "td")).Append('\n');
        html.Append("</tbody>\n</table>\n");
        return i;
    }

    private static string Row(string line, string cellTag)
    {
        var cells = line.Trim().Trim('|').Split('|').Select(c => $"<{cellTag}>{MarkdownInline.ToHtml(c.Trim())}</{cellTag}>");
        return "<tr>" + string.Concat(cells) + "</tr>";
    }

    private static int Paragraph(string[] lines, int i, StringBuilder html)
    {
        var text = new List<string>();
        for (; i < lines.Length && !string.IsNullOrWhiteSpace(lines[i]) && !StartsBlock(lines, i); i++) text.Add(lines[i].Trim());
        if (text.Count == 0) text.Add(lines[i++].Trim());  // a line no block took (cannot happen today; guards the loop)
        html.Append("<p>").Append(MarkdownInline.ToHtml(string.Join("\n", text))).Append("</p>\n");
        return i;
    }

    private static bool StartsBlock(string[] lines, int i) =>
        lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal) || Heading().IsMatch(lines[i]) || Rule().IsMatch(lines[i])
        || lines[i].StartsWith('>') || ListItem().IsMatch(lines[i]) || IsTableStart(lines, i);

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")]
    private static partial Regex TableRule();
}
