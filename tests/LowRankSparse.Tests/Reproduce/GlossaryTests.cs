using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Tests.Reproduce;

/// <summary>
/// Issue #18: the report defines on the page every name it writes to results.json and every config key's symbol, quotes each
/// claim from the shipped paper notes, and every link on it lands somewhere. Reads the quick reproduction's report.html with a
/// real HTML parser (AngleSharp).
/// </summary>
[Collection(QuickReproductionCollection.Name)]
public class GlossaryTests(QuickReproductionFixture quick)
{
    /// <summary>
    /// The results.json subtrees whose names are not metrics, and why. Every other property name, at any depth — a measurement, a
    /// section or curve holding measurements, a verdict field, a per-weight key such as W_Q — must be defined in the glossary.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotMetrics = new Dictionary<string, string>
    {
        ["config"] = "the config keys: the config table shows each with its symbol (the test below)",
        ["run"] = "provenance: versions and thread counts of the build that ran, stated in words in the report's Run section",
        ["provenance"] = "provenance: command line, config file, start time, git commit, seeds — the Run section's provenance table",
        ["stage_seconds"] = "timings: its keys are stage names with spaces (the Run section lists them), not fixed names",
        ["options"] = "real_data.options: the real-data experiment's settings, shown and tagged in the realdata command's own report",
        ["base_config"] = "phase[].base_config: the run's config that every grid cell starts from — the config keys again, in the grid page's config table",
        ["synthetic_config"] = "real_data.synthetic_config: the name of the config file the synthetic reference used",
    };

    private IDocument Report => _report ??= new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(quick.Folder, "report.html")));
    private IDocument? _report;

    private JsonElement Results => _results ??= JsonDocument.Parse(File.ReadAllText(Path.Combine(quick.Folder, "results.json"))).RootElement;
    private JsonElement? _results;

    [Fact]
    public void Every_metric_name_in_results_json_is_defined_in_the_reports_glossary()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Results, names);
        Assert.True(names.Count > 100, $"only {names.Count} names collected");   // the rule reaches into every section
        var glossary = Report.GetElementById("glossary");
        Assert.NotNull(glossary);
        var defined = glossary.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
        var missing = names.Where(n => !defined.Contains(Glossary.Anchor(n))).ToList();
        Assert.True(missing.Count == 0, "not in the glossary: " + string.Join(", ", missing));
        foreach (var n in names) Assert.Equal(n, glossary.QuerySelector($"#{Glossary.Anchor(n)}")!.TextContent);   // the anchor shows the name itself
    }

    [Fact]
    public void Every_config_key_in_the_config_table_has_a_symbol_or_an_ours_mark()
    {
        var rows = Report.QuerySelectorAll("table.config tr").Skip(1).ToList();
        var keys = rows.Select(r => r.QuerySelector("td code")!.TextContent).ToList();
        var inJson = Results.GetProperty("config").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(s => s.Value.EnumerateObject().Select(k => $"{s.Name}.{k.Name}")).ToList();
        Assert.Equal(inJson.Order(), keys.Order());                 // every config key of results.json is in the table
        foreach (var row in rows)
        {
            var cell = row.QuerySelector("td.symbol")!;
            string key = row.QuerySelector("td code")!.TextContent, tag = cell.QuerySelector(".tag")?.TextContent ?? "";
            Assert.True(tag is "paper" or "ours", $"{key}: symbol cell '{cell.TextContent}' has no tag");
            if (cell.QuerySelector(".no-symbol") is not null) Assert.Equal("ours", tag);    // no paper symbol: explicitly ours
            else Assert.False(string.IsNullOrWhiteSpace(cell.TextContent.Replace(tag, "")) || cell.TextContent.Trim() == "?", $"{key}: no symbol");
        }
        Assert.Contains(rows, r => r.QuerySelector("td code")!.TextContent == "data.relevant_fraction" && r.QuerySelector("td.symbol")!.TextContent.StartsWith("α*"));
    }

    [Fact]
    public void Every_claim_is_quoted_verbatim_from_the_shipped_paper_notes_and_linked_both_ways()
    {
        string notes = Normalise(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ClaimStatements.Source)));
        foreach (var v in quick.Results.Verdicts)
        {
            var statement = ClaimStatements.For(v.Id);
            Assert.True(statement is not null, $"{v.Id}: no statement");
            foreach (var quote in statement.Quotes) Assert.True(notes.Contains(Normalise(quote), StringComparison.Ordinal), $"{v.Id}: not in the notes: {quote}");
            var item = Report.GetElementById($"claim-{v.Id}");
            Assert.NotNull(item);
            Assert.Contains(statement.Quotes[0], item.QuerySelector("blockquote")!.TextContent);
            Assert.Equal(statement.Tag, item.QuerySelector("blockquote .tag")!.TextContent);
            Assert.NotNull(item.QuerySelector($"a[href='#verdict-{v.Id}']"));
            Assert.NotNull(Report.GetElementById($"verdict-{v.Id}")!.QuerySelector($"a[href='#claim-{v.Id}']"));
        }
    }

    [Fact]
    public void Every_link_on_the_page_lands_on_an_element_and_no_file_outside_the_repository_is_cited()
    {
        var ids = Report.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();
        var broken = Report.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).Where(id => !ids.Contains(id)).Distinct().ToList();
        Assert.True(broken.Count == 0, "links to nothing: " + string.Join(", ", broken));
        Assert.DoesNotContain("paper-spec", Report.Body!.TextContent);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, ClaimStatements.Source)));
        // the paper's paraphrase users have is docs/paper-notes.md: no shipped file cites the spec it was written from
        var citing = new[] { "src", "docs", "notebooks", "bench", "data" }.Select(d => Path.Combine(TestPaths.RepoRoot, d))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".md") || f.EndsWith(".ipynb") || f.EndsWith(".json") || f.EndsWith(".py"))
            .Append(Path.Combine(TestPaths.RepoRoot, "README.md"))
            .Where(f => File.ReadAllText(f).Contains("paper-spec")).ToList();
        Assert.True(citing.Count == 0, "cite a file users do not have: " + string.Join(", ", citing));
    }

    [Fact]
    public void Captions_and_verdict_cells_link_their_terms_to_the_glossary()
    {
        Assert.NotEmpty(Report.QuerySelectorAll("p.caption a.term[href='#g-top_k_energy']"));
        Assert.NotEmpty(Report.QuerySelectorAll("table.verdicts a.term[href='#g-test_loss']"));
        Assert.All(Report.QuerySelectorAll("a.term"), a => Assert.NotNull(Report.GetElementById(a.GetAttribute("href")![1..])));
        // the first occurrence per text only, whole words only, never inside a longer word
        string linked = Display.GlossaryTables.Link("top-2 energy, then top-2 energy; test accuracy, inaccuracy");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Matches(linked, "href=\"#g-top_k_energy\"").Count);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Matches(linked, "href=\"#g-test_accuracy\"").Count);
        Assert.EndsWith(", inaccuracy", linked);
    }

    [Fact]
    public void Glossary_names_each_defined_once()
    {
        var all = Glossary.Terms.SelectMany(t => t.Names).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(Glossary.Terms, t => Assert.Contains(t.Group, Glossary.Groups));
        Assert.All(Glossary.Terms, t => Assert.Contains(t.Tag, new[] { "paper", "ours" }));
    }

    /// <summary>Every property name under the root, skipping <see cref="NotMetrics"/> subtrees at any depth.</summary>
    private static void Collect(JsonElement e, ISet<string> names)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject().Where(p => !NotMetrics.ContainsKey(p.Name)))
            {
                names.Add(p.Name);
                Collect(p.Value, names);
            }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray()) Collect(item, names);
    }

    /// <summary>Markdown emphasis (**) dropped and white space collapsed, so a quote can span the notes' line breaks.</summary>
    private static string Normalise(string text) => Regex.Replace(text.Replace("**", ""), @"\s+", " ");
}
