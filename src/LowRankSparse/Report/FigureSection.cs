using System.Net;
using LowRankSparse.Figures;

namespace LowRankSparse.Report;

/// <summary>
/// One figure on a page (report, phase page, real-data page): its title, the chart, the caption with any links after it, and the
/// link to its CSV in <c>figures/</c>; the section is anchored at the figure's id.
/// </summary>
public static class FigureSection
{
    /// <param name="captionHtml">The caption as HTML (already encoded; the report links glossary terms in it).</param>
    /// <param name="links">HTML placed between the caption and the CSV link (e.g. the report's verdict links).</param>
    /// <param name="heading">The heading level of the title.</param>
    public static string Html(Figure f, string? captionHtml = null, string links = "", int heading = 3) =>
        $"<section class=\"figure\" id=\"{f.Id}\"><h{heading}>{E(f.Title)}</h{heading}>{f.ChartHtml()}<p class=\"caption\">{captionHtml ?? E(f.Caption)} " +
        $"{links}<a href=\"figures/{f.Id}.csv\">data (CSV)</a></p></section>";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
