using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Display;

/// <summary>
/// The glossary as HTML, the same in the report and in notebook 00: one table per group of <see cref="Glossary.Terms"/> (every
/// results.json name anchored at <see cref="Glossary.Anchor"/>), then the symbols of the config keys.
/// </summary>
public static class GlossaryTables
{
    public static string Html(IEnumerable<GlossaryTerm> terms)
    {
        var list = terms.ToList();
        var sb = new StringBuilder("<div class=\"glossary\">");
        foreach (var group in Glossary.Groups.Where(g => list.Any(t => t.Group == g)))
        {
            sb.Append($"<h4>{E(group)}</h4><table class=\"glossary-terms\"><tr><th>name in results.json</th><th>meaning and formula</th><th>symbol</th><th>tag</th></tr>");
            foreach (var t in list.Where(t => t.Group == group))
                sb.Append($"<tr><td><strong>{E(t.Label)}</strong><br>")
                  .Append(string.Join(" ", t.Names.Select(n => $"<code id=\"{Glossary.Anchor(n)}\">{E(n)}</code>")))
                  .Append($"</td><td>{Typeset(t.Meaning)}{(t.Formula is string f ? $"<div class=\"formula\" style=\"font-family:serif;margin:0.3rem 0 0.1rem 1rem;color:#1e3a8a\">{Typeset(f)}</div>" : "")}</td>")
                  .Append($"<td>{E(t.Symbol ?? "–")}</td><td>{HtmlTables.Tag(t.Tag)}</td></tr>");
            sb.Append("</table>");
        }
        return HtmlTables.AlignLeft(sb.Append("</div>").ToString());
    }

    /// <summary>The paper's symbols and the config keys that set them (a key without a paper symbol is tagged ours).</summary>
    public static string Symbols(IEnumerable<ConfigSymbol> keys)
    {
        var sb = new StringBuilder("<table class=\"glossary-symbols\"><tr><th>symbol</th><th>config key</th><th>meaning</th></tr>");
        foreach (var k in keys)
            sb.Append($"<tr><td>{HtmlTables.Symbol(k)}</td><td><code>{E(k.Key)}</code></td><td>{E(k.Meaning)}</td></tr>");
        return HtmlTables.AlignLeft(sb.Append("</table>").ToString());
    }

    /// <summary>
    /// HTML-encoded text with the first occurrence of each glossary term's phrase (<see cref="GlossaryTerm.Phrases"/>) linked to its
    /// definition, for a page that shows the glossary (the report). Longer phrases win where two overlap.
    /// </summary>
    public static string Link(string encoded)
    {
        var linked = new HashSet<GlossaryTerm>();
        return Phrases.Replace(encoded, m =>
        {
            var term = PhraseTerms[PhraseTerms.Keys.First(k => m.Groups[k].Success)];
            return linked.Add(term) ? $"<a class=\"term\" href=\"#{Glossary.Anchor(term.Names[0])}\">{m.Value}</a>" : m.Value;
        });
    }

    private static readonly Dictionary<string, GlossaryTerm> PhraseTerms = Glossary.Terms.Where(t => t.Phrases.Length > 0)
        .Select((t, i) => (Group: $"t{i}", Term: t)).ToDictionary(x => x.Group, x => x.Term);

    private static readonly Regex Phrases = new(@"(?<![\w-])(?:" + string.Join("|", PhraseTerms
        .SelectMany(p => p.Value.Phrases.Select(ph => (p.Key, Phrase: ph)))
        .OrderByDescending(x => x.Phrase.Length)
        .Select(x => $"(?<{x.Key}>{x.Phrase})")) + @")(?![\w-])");

    /// <summary>Encoded text with _{…} as a subscript and ^(…) as a superscript: the formulas stay plain Unicode, readable offline.</summary>
    public static string Typeset(string text) =>
        Superscript.Replace(Subscript.Replace(E(text), "<sub>$1</sub>"), "<sup>$1</sup>");

    private static readonly Regex Subscript = new(@"_\{([^}]*)\}"), Superscript = new(@"\^\(([^)]*)\)");

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
