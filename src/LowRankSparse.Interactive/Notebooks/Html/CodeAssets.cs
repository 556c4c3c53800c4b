namespace LowRankSparse.Interactive.Notebooks.Html;

/// <summary>
/// Prism (vendored under Notebooks/Html/Assets/prism: core, the C# grammar and the default theme, 16 kB) inlined into a page's
/// head: on load it colours every <c>code.language-csharp</c> — the code cells <see cref="NotebookHtml"/> writes and the
/// <c>```csharp</c> blocks of markdown cells. Offline, one file per page.
/// </summary>
public static class CodeAssets
{
    /// <summary>The class a code element needs to be coloured as C#.</summary>
    public const string CSharpClass = "language-csharp";

    private static readonly Lazy<string> Head = new(() =>
        $"<style>{EmbeddedAssets.Text("prism/prism.min.css")}</style>\n" +
        $"<script>{EmbeddedAssets.Text("prism/prism-core.min.js")}\n{EmbeddedAssets.Text("prism/prism-clike.min.js")}\n{EmbeddedAssets.Text("prism/prism-csharp.min.js")}</script>");

    /// <summary>The style and script elements for the head of a page (once per page).</summary>
    public static string HeadTags => Head.Value;
}
