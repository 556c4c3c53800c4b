using System.Text;
using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>Makes the kernel's messages: a fresh header (this kernel's session), the request's header as parent.</summary>
public sealed class MessageFactory
{
    private readonly string _session = Guid.NewGuid().ToString();

    /// <summary>A reply on the channel the request came from (same routing identities).</summary>
    public JupyterMessage Reply(JupyterMessage request, string type, JsonObject content) =>
        new(request.Identities, Header(type), Parent(request), new JsonObject(), content);

    /// <summary>An iopub broadcast; its first frame (the topic) is the message type.</summary>
    public JupyterMessage Broadcast(JupyterMessage? parent, string type, JsonObject content) =>
        new([Encoding.UTF8.GetBytes(type)], Header(type), parent is null ? new JsonObject() : Parent(parent), new JsonObject(), content);

    public JsonObject Header(string type) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = _session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
        ["msg_type"] = type,
        ["version"] = JupyterMessage.ProtocolVersion,
    };

    private static JsonObject Parent(JupyterMessage request) => (JsonObject)request.Header.DeepClone();
}
