using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Engine;

/// <summary>
/// Outputs as Jupyter JSON: the nbformat 4 output objects. An iopub message's content is the same object without
/// <c>output_type</c>, which is then the message type (stream, display_data, execute_result, error).
/// </summary>
public static class OutputJson
{
    public static JsonObject ToJson(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = s.Text },
        ExecuteResultOutput r => new JsonObject
        {
            ["output_type"] = "execute_result", ["execution_count"] = r.ExecutionCount, ["data"] = Data(r.Data), ["metadata"] = new JsonObject(),
        },
        DisplayOutput d => new JsonObject { ["output_type"] = "display_data", ["data"] = Data(d.Data), ["metadata"] = new JsonObject() },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = "error", ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(l => (JsonNode)l).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output {output.GetType().Name}"),
    };

    /// <summary>nbformat keeps JSON MIME types (application/json, application/…+json) as JSON, not as a string.</summary>
    private static bool IsJson(string mime) => mime.StartsWith("application/", StringComparison.Ordinal) && (mime.EndsWith("/json", StringComparison.Ordinal) || mime.EndsWith("+json", StringComparison.Ordinal));

    private static JsonObject Data(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in bundle) data[mime] = IsJson(mime) ? JsonNode.Parse(text) : text;
        return data;
    }
}
