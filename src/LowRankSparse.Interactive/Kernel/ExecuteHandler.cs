using System.Text.Json.Nodes;
using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// execute_request: execute_input, then the outputs live on iopub, then the reply content (status, execution_count; ename,
/// evalue and traceback on error). <c>silent</c> publishes nothing and does not count; <c>store_history: false</c> does not count.
/// </summary>
internal sealed class ExecuteHandler(NotebookEngine engine, IKernelOutbox outbox, MessageFactory messages)
{

    public JsonObject Handle(JupyterMessage request)
    {
        string code = request.Text("code") ?? "";
        bool silent = request.Flag("silent", false);
        bool storeHistory = !silent && request.Flag("store_history", true);
        int count = storeHistory ? engine.ExecutionCount + 1 : engine.ExecutionCount;
        if (!silent)
            outbox.Send(KernelChannel.IoPub, messages.Broadcast(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }));
        ICellOutputSink sink = silent ? NullOutputSink.Instance : new IopubSink(outbox, messages, request);
        var result = engine.ExecuteAsync(new CellRequest(code, StoreHistory: storeHistory), sink).GetAwaiter().GetResult();
        var reply = new JsonObject { ["status"] = result.Succeeded ? "ok" : "error", ["execution_count"] = result.ExecutionCount };
        if (result.Error is { } error)
        {
            reply["ename"] = error.Name;
            reply["evalue"] = error.Value;
            reply["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode)l).ToArray());
        }
        else
        {
            reply["user_expressions"] = new JsonObject();
            reply["payload"] = new JsonArray();
        }
        return reply;
    }
}
