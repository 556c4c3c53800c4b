using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>One nbformat 4 cell; unknown fields are kept as they are.</summary>
public sealed class NotebookCell(JsonObject node)
{
    public const string Code = "code";
    public const string Markdown = "markdown";

    public JsonObject Node { get; } = node;

    public string Type => Node["cell_type"]?.GetValue<string>() ?? "";
    public bool IsCode => Type == Code;

    /// <summary>nbformat stores the source as one string or as a list of lines.</summary>
    public string Source => MultilineText.Of(Node["source"]);

    public IReadOnlyList<string> Tags =>
        (Node["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? [];

    public bool HasTag(string tag) => Tags.Contains(tag);

    /// <summary>The Polyglot cell language, when the notebook records one (csharp, fsharp, pwsh, …).</summary>
    public string? PolyglotLanguage =>
        (Node["metadata"]?["polyglot_notebook"]?["kernelName"] ?? Node["metadata"]?["dotnet_interactive"]?["language"])?.GetValue<string>();

    public int? ExecutionCount => Node["execution_count"]?.GetValue<int?>();

    public JsonArray Outputs => Node["outputs"] as JsonArray ?? [];

    public void SetResult(JsonArray outputs, int? executionCount)
    {
        Node["outputs"] = outputs;
        Node["execution_count"] = executionCount;
    }

    public static NotebookCell NewCode(string source, params string[] tags) => new(new JsonObject
    {
        ["cell_type"] = Code,
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    });
}
