using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LowRankSparse.Tests.Notebooks;

/// <summary>
/// Issue #22 item 5, notebooks that teach: read as plain JSON (nothing runs), every notebook in notebooks/ opens the library with
/// one <c>using</c> (the teaching façade, <c>LowRankSparse.Teaching</c>), keeps every code line within
/// <see cref="MaxLineLength"/> characters, and never names <c>ReproduceOptions</c> or a report section (<c>UpdatesSection</c>,
/// <c>SparsitySection</c>, …) in a cell: those belong to the reproduction pipeline, a student meets the paper's words instead.
/// </summary>
public class NotebookLintTests
{
    public const int MaxLineLength = 120;

    /// <summary>
    /// The first setup cell (find or build the library) is the same in every notebook and belongs to how the hosts load the library,
    /// not to the teaching; its long lines are exempt from the line-length rule until that cell is rewritten with the host split.
    /// </summary>
    public const string ExemptFromLineLength = "find-or-build-library";

    public static TheoryData<string> Names() =>
        new(Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Select(p => Path.GetFileName(p)).Order());

    /// <summary>A using directive that names the library: <c>using LowRankSparse.X;</c>, <c>using static …</c>, <c>using A = …</c>.</summary>
    private static readonly Regex LibraryUsing =
        new(@"(?<=^|;)\s*using\s+(static\s+)?(\w+\s*=\s*)?(global::)?LowRankSparse\b[\w.]*\s*;", RegexOptions.Multiline);

    /// <summary>The reproduction pipeline's types: its options record and the report's section records.</summary>
    private static readonly Regex PipelineType = new(@"\b(ReproduceOptions|[A-Z]\w*Section)\b");

    [Theory]
    [MemberData(nameof(Names))]
    public void Notebook_opens_the_library_with_one_using_of_the_teaching_facade(string name)
    {
        var usings = CodeCells(name).SelectMany(c => LibraryUsing.Matches(c.Source).Select(m => m.Value.Trim())).ToList();
        Assert.True(usings.Count == 1, $"{name}: {usings.Count} usings of the library, expected one: {string.Join(" ", usings)}");
        Assert.Equal("using LowRankSparse.Teaching;", usings[0]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_code_line_is_longer_than_120_characters(string name)
    {
        var longLines = CodeCells(name).Where(c => !c.Tags.Contains(ExemptFromLineLength))
            .SelectMany(c => c.Source.Split('\n').Select((line, i) => (c.Index, Line: i + 1, Text: line.TrimEnd('\r'))))
            .Where(l => l.Text.Length > MaxLineLength)
            .Select(l => $"cell {l.Index} line {l.Line} ({l.Text.Length} characters): {l.Text}").ToList();
        Assert.True(longLines.Count == 0, $"{name}: lines over {MaxLineLength} characters:\n" + string.Join("\n", longLines));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_cell_names_the_reproduction_options_or_a_report_section(string name)
    {
        var named = CodeCells(name).SelectMany(c => PipelineType.Matches(c.Source).Select(m => $"cell {c.Index}: {m.Value}")).ToList();
        Assert.True(named.Count == 0, $"{name}: teaching cells name pipeline types: " + string.Join(", ", named));
    }

    [Fact]
    public void The_rules_catch_what_they_are_meant_to_catch()
    {
        Assert.Equal(2, LibraryUsing.Matches("using LowRankSparse.Analysis; using LowRankSparse.Config;\nusing System;").Count);
        Assert.Single(LibraryUsing.Matches("using static LowRankSparse.Teaching.Paper;"));
        Assert.Empty(LibraryUsing.Matches("using (var scope = torch.NewDisposeScope())"));
        Assert.Empty(LibraryUsing.Matches("using var sample = Paper.Samples(config, patterns, 2, Seed);"));
        Assert.Equal(new[] { "ReproduceOptions", "UpdatesSection" },
            PipelineType.Matches("var o = ReproduceOptions.QuickFor(c); var u = UpdatesSection.Compute(runs, m);").Select(m => m.Value));
        Assert.Empty(PipelineType.Matches("var u = Measure.Updates(runs); // see the report's section on updates"));
    }

    private sealed record Cell(int Index, string Source, IReadOnlyList<string> Tags);

    /// <summary>The code cells of a notebook, numbered from 0 among all its cells.</summary>
    private static IEnumerable<Cell> CodeCells(string name)
    {
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Notebooks, name)))!["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!;
            if ((string?)cell["cell_type"] != "code") continue;
            string source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            var tags = cell["metadata"]?["tags"]?.AsArray().Select(t => (string?)t ?? "").ToList() ?? [];
            yield return new Cell(i, source, tags);
        }
    }
}
