using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>Publishes a cell's outputs on iopub as they happen (stream, display_data, execute_result, error).</summary>
internal sealed class IopubSink(IKernelOutbox outbox, MessageFactory messages, JupyterMessage request) : ICellOutputSink
{
    public void Add(CellOutput output)
    {
        var content = OutputJson.ToJson(output);
        string type = content["output_type"]!.GetValue<string>();
        content.Remove("output_type");
        if (type == "display_data") content["transient"] = new System.Text.Json.Nodes.JsonObject();
        outbox.Send(KernelChannel.IoPub, messages.Broadcast(request, type, content));
    }
}
