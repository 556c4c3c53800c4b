using Markdig;

namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// Markdown cells to HTML with Markdig (CommonMark, as Jupyter renders them: raw HTML passes through, pipe tables, emphasis,
/// lists, code). Its math extension marks <c>$…$</c> and <c>$$…$$</c> as <c>span.math</c> / <c>div.math</c> for
/// <see cref="MathAssets"/> to typeset with KaTeX; "$5 and $10" stays text (a closing $ must follow a non-space and no digit follows it).
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
