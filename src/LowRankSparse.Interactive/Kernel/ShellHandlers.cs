using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The replies to the shell requests other than execute: kernel info, completion and inspect (Roslyn), is_complete,
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
        "inspect_request" => Inspect(request),
        "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
        "history_request" => new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() },
        _ => null,
    };

    private JsonObject Inspect(JupyterMessage request)
    {
        var (code, cursor) = CodeAndCursor(request);
        string? text;
        try
        {
            text = engine.Inspect(code, cursor);
        }
        catch (Exception)
        {
            text = null;  // like completions: a help, never an error
        }
        var data = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text };
        return new JsonObject { ["status"] = "ok", ["found"] = text is not null, ["data"] = data, ["metadata"] = new JsonObject() };
    }

    /// <summary>The request's code and its cursor_pos (Unicode code points in the protocol) as a UTF-16 index.</summary>
    private static (string Code, int Cursor) CodeAndCursor(JupyterMessage request)
    {
        string code = request.Text("code") ?? "";
        return (code, CodePoints.ToUtf16(code, request.Number("cursor_pos") ?? code.Length));
    }

    private JsonObject Complete(JupyterMessage request)
    {
        var (code, cursor) = CodeAndCursor(request);
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
