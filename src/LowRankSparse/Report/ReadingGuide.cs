using System.Net;
using System.Text;
using LowRankSparse.Display;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Report;

/// <summary>
/// The report's "How to read this report" section (issue #18): what a verdict row says, the tags and the links; the paper's
/// statement of each claim; and the glossary that defines every results.json name and config symbol. Definitions come from
/// <see cref="Glossary"/>, statements from <see cref="ClaimStatements"/>, figure links from <see cref="ClaimFigures"/>.
/// </summary>
public static class ReadingGuide
{
    public const string Id = "how-to-read", GlossaryId = "glossary";

    /// <summary>The words of a verdict row, in the table's column order.</summary>
    private static readonly (string Column, string Name)[] RowParts =
        [("claim", "claim"), ("tag", "tag"), ("precondition", "precondition"), ("prediction", "predicted"), ("measurement", "measured"),
         ("outcome", "status"), ("control", "control")];

    /// <summary>The guide itself, placed before the verdicts.</summary>
    public static string Guide()
    {
        var sb = new StringBuilder($"<section id=\"{Id}\" class=\"guide\"><h2>How to read this report</h2>");
        sb.Append("<p>The report runs: this guide, the <a href=\"#verdicts\">verdicts</a>, the paper's <a href=\"#claims\">statement of each claim</a>, ")
          .Append("every figure with its caption, the real-data section, the configuration and the run. Every number is also in <code>results.json</code>; ")
          .Append($"the <a href=\"#{GlossaryId}\">glossary</a> at the end defines each of its names once, with its formula and the paper's symbol.</p>");
        sb.Append("<h3>A verdict row</h3><dl class=\"row-parts\">");
        foreach (var (column, name) in RowParts)
            sb.Append($"<dt><a href=\"#{Glossary.Anchor(name)}\">{E(column)}</a></dt><dd>{(name == "status" ? Outcomes() : E(Glossary.Find(name)!.Meaning))}</dd>");
        sb.Append("</dl>");
        sb.Append("<h3>Links</h3><p>A verdict row names the figures that hold its evidence and links to them; each figure's caption links back to its verdicts. ")
          .Append("Each claim's statement links to its verdict row and figures. A term <a class=\"term\" href=\"#g-top_k_energy\">underlined like this</a> in a caption ")
          .Append("or a verdict cell links to its definition; in the glossary the names in <code>monospace</code> are the keys of <code>results.json</code>.</p>");
        return sb.Append("</section>").ToString();
    }

    /// <summary>The outcomes one per line, coloured as in the verdict table.</summary>
    private static string Outcomes() => string.Concat(Glossary.Outcomes.Select(o =>
        $"<div><span class=\"outcome {HtmlTables.OutcomeClass(o.Status)}\">{E(o.Words)}</span> — {E(o.Meaning)}.</div>"));

    /// <summary>The paper's statement of each claim (our paraphrase, quoted), its tag, how we read it, and links to its verdict and figures.</summary>
    public static string Statements(IReadOnlyList<Verdict> verdicts)
    {
        var sb = new StringBuilder("<section id=\"claims\"><h2>The claims, as the paper states them</h2>")
            .Append($"<p>Quoted from this project's paraphrase of the paper, <code>{ClaimStatements.Source}</code> (shipped with the code); ")
            .Append("the tag says whether the statement is the paper's or ours.</p><ol class=\"statements\">");
        foreach (var v in verdicts)
        {
            var s = ClaimStatements.For(v.Id);
            sb.Append($"<li id=\"claim-{E(v.Id)}\"><strong>{E(v.Claim)}</strong> ");
            if (s is null) sb.Append("<em>(no statement in the paper notes)</em>");
            else
            {
                sb.Append($"<blockquote>“{E(string.Join(" … ", s.Quotes))}” — <code>{ClaimStatements.Source}</code> {E(s.Section)} {HtmlTables.Tag(s.Tag)}</blockquote>");
                if (s.Reading is string reading) sb.Append($"<p class=\"reading\">Our reading {HtmlTables.Tag("ours")}: {E(reading)}.</p>");
            }
            sb.Append($"<p class=\"links\"><a href=\"#verdict-{E(v.Id)}\">verdict: {E(v.StatusText)}</a>");
            foreach (var f in ClaimFigures.For(v.Id)) sb.Append($" · <a href=\"#{E(f)}\">{E(f.Replace('_', ' '))}</a>");
            sb.Append("</p></li>");
        }
        return sb.Append("</ol></section>").ToString();
    }

    /// <summary>The glossary section: the naming rule, every term by group, the config symbols.</summary>
    public static string GlossarySection()
    {
        var sb = new StringBuilder($"<section id=\"{GlossaryId}\"><h2>Glossary</h2>");
        sb.Append("<p>Every name of <code>results.json</code> (snake_case), defined once. A name ending in <code>_mean</code> or <code>_std</code> is the mean or the ")
          .Append("standard deviation over the training seeds of the name before it; an array under a name holds one value per seed, step, rate or rank. ")
          .Append("<span class=\"tag paper\">paper</span> = the paper's quantity; <span class=\"tag ours\">ours</span> = a measure or operationalisation this project chose.</p>");
        sb.Append(GlossaryTables.Html(Glossary.Terms));
        sb.Append("<h3 id=\"symbols\">The paper's symbols and the config keys</h3>").Append(GlossaryTables.Symbols(Glossary.ConfigKeys));
        return sb.Append("</section>").ToString();
    }

    /// <summary>The page rules of the guide, the statements and the glossary.</summary>
    public const string Style = """
        .guide dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0.5rem 0 1rem; }
        .guide dt { font-weight: 600; } .guide dd { margin: 0; }
        .guide .yes { color: #0a7a2f; font-weight: bold; } .guide .no { color: #b00020; font-weight: bold; } .guide .na { color: #8a6d00; font-weight: bold; }
        ol.statements li { margin: 0.6rem 0; } ol.statements blockquote { margin: 0.3rem 0 0.2rem 1rem; color: #333; border-left: 3px solid #dbeafe; padding-left: 0.6rem; }
        ol.statements p { margin: 0.2rem 0 0 1rem; font-size: 0.9rem; }
        .glossary td:first-child { width: 15rem; } .glossary td:nth-child(3) { width: 5rem; } .glossary code { display: inline-block; margin: 0.1rem 0.2rem 0 0; font-size: 0.82rem; }
        .glossary .formula { font-family: "DejaVu Serif", Georgia, serif; margin: 0.3rem 0 0.1rem 1rem; color: #1e3a8a; }
        .glossary h4 { margin: 1.2rem 0 0.3rem; }
        :target { background: #fef3c7; }
        a.term { color: inherit; text-decoration: underline dotted #1d4ed8; text-underline-offset: 2px; }

        """;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
