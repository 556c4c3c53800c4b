using LowRankSparse.Interactive.Notebooks.Html;

namespace LowRankSparse.Interactive.Tests;

/// <summary>Markdown cells on the runner's pages (Markdig): CommonMark as Jupyter shows it, TeX marked for KaTeX.</summary>
public sealed class MarkdownHtmlTests
{
    [Fact]
    public void Raw_html_passes_through_as_in_Jupyter() =>
        Assert.Contains("<b>bold</b>", MarkdownHtml.ToHtml("a <b>bold</b> word"));

    [Fact]
    public void Dollar_amounts_are_not_math() =>
        Assert.DoesNotContain("class=\"math\"", MarkdownHtml.ToHtml("it costs $5 and $10."));

    [Fact]
    public void Inline_and_display_math_are_marked_for_KaTeX()
    {
        string html = MarkdownHtml.ToHtml("with $x_l = \\mu_j$ and\n\n$$\nF(X) = \\sum_l x_l\n$$\n");
        Assert.Contains("<span class=\"math\">\\(x_l = \\mu_j\\)</span>", html);
        Assert.Contains("<div class=\"math\">", html);
        Assert.True(MathAssets.HasMath(html));
    }

    [Fact]
    public void Tables_lists_and_emphasis_render()
    {
        string html = MarkdownHtml.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n* **one**\n* *two*\n");
        Assert.Contains("<table>", html);
        Assert.Contains("<li><strong>one</strong></li>", html);
        Assert.Contains("<em>two</em>", html);
    }
}
