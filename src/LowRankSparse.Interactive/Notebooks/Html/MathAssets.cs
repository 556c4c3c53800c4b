using System.Text.RegularExpressions;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// KaTeX (vendored under Notebooks/Html/Assets/katex, embedded in this assembly) inlined into a page's head, with its woff2 fonts
/// as data URIs, plus a script that typesets every <c>span.math</c> and <c>div.math</c> that <see cref="MarkdownHtml"/> wrote. Pages stay
/// single files that render offline; TeX KaTeX cannot parse is shown in red instead of failing the page.
/// </summary>
public static partial class MathAssets
{
    private const string Typeset = """
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("span.math, div.math").forEach(function (el) {
            // Markdig writes \(…\) inline and \[…\] for display math
            var tex = el.textContent.trim(), display = el.tagName === "DIV" || tex.startsWith("\\[");
            tex = tex.replace(/^\\[\(\[]/, "").replace(/\\[\)\]]$/, "");
            el.title = tex;
            katex.render(tex, el, { displayMode: display, throwOnError: false });
          });
        });
        """;

    private static readonly Lazy<string> Head = new(() =>
        $"<style>{InlineFonts(EmbeddedAssets.Text("katex/katex.min.css"))}</style>\n<script>{EmbeddedAssets.Text("katex/katex.min.js")}</script>\n<script>{Typeset}</script>");

    /// <summary>The style and script elements for the head of a page (once per page).</summary>
    public static string HeadTags => Head.Value;

    /// <summary>Whether a rendered page body holds math for <see cref="HeadTags"/> to typeset.</summary>
    public static bool HasMath(string body) => body.Contains("class=\"math\"", StringComparison.Ordinal);

    /// <summary>Replaces each @font-face source list (woff2, woff, ttf files next to the CSS) by the embedded woff2 as a data URI.</summary>
    private static string InlineFonts(string css) => FontSources().Replace(css, m =>
    {
        var bytes = EmbeddedAssets.Bytes($"katex/fonts/{m.Groups[1].Value}.woff2");
        return $"src:url(data:font/woff2;base64,{Convert.ToBase64String(bytes)}) format(\"woff2\")";
    });

    [GeneratedRegex(@"src:url\(fonts/([A-Za-z0-9_-]+)\.woff2\)[^;}]*")]
    private static partial Regex FontSources();
}
