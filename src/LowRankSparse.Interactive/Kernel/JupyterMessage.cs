using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>One message of the Jupyter protocol: routing identities, then header, parent header, metadata and content.</summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";

    public string Type => Header["msg_type"] is JsonValue v && v.TryGetValue(out string? type) ? type : "";

    public string? Text(string field) => Content[field] is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    public bool Flag(string field, bool fallback) => Content[field] is JsonValue v && v.TryGetValue(out bool flag) ? flag : fallback;

    public int? Number(string field) => Content[field] is JsonValue v && v.TryGetValue(out int number) ? number : null;
}
