using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The replies to the shell requests other than execute: kernel info, completion (Roslyn), is_complete, inspect (nothing found),
/// comm info (no comms) and history (none kept). Each returns the reply content.
/// </summary>
internal sealed class ShellHandlers(NotebookEngine engine)
{
    public JsonObject? Handle(JupyterMessage request) => request.Type switch
    {
        "kernel_info_request" => KernelInfo.Content(),
        "complete_request" => Complete(request),
        "is_complete_request" => NotebookEngine.IsComplete(request.Text("code") ?? "")
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "" },
        "inspect_request" => new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() },
        "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
        "history_request" => new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() },
        _ => null,
    };

    private JsonObject Complete(JupyterMessage request)
    {
        string code = request.Text("code") ?? "";
        int cursor = CodePoints.ToUtf16(code, request.Number("cursor_pos") ?? code.Length);
        CompletionList list;
        try
        {
            list = engine.Complete(code, cursor);
        }
        catch (Exception)
        {
            list = new CompletionList([], cursor, cursor);  // completions are a help: never an error
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(list.Matches.Select(m => (JsonNode)m).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16(code, list.Start),
            ["cursor_end"] = CodePoints.FromUtf16(code, list.End),
            ["metadata"] = new JsonObject(),
        };
    }
}
