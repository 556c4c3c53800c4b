using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>The connection file Jupyter writes for a kernel: where to bind the five sockets and the key that signs messages.</summary>
public sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HbPort, string Key, string SignatureScheme)
{
    public const string HmacSha256 = "hmac-sha256";

    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    /// <param name="allowUnsigned">Accept an empty key (messages are then neither signed nor checked).</param>
    public static ConnectionInfo Load(string path, bool allowUnsigned)
    {
        if (!File.Exists(path)) throw new KernelConfigException($"connection file '{path}' does not exist");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new KernelConfigException($"connection file '{path}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new KernelConfigException($"connection file '{path}' is not valid JSON ({e.Message})");
        }
        var info = new ConnectionInfo(
            Text(json, "transport", "tcp"), Text(json, "ip", "127.0.0.1"),
            Port(json, "shell_port", path), Port(json, "iopub_port", path), Port(json, "stdin_port", path),
            Port(json, "control_port", path), Port(json, "hb_port", path),
            Text(json, "key", ""), Text(json, "signature_scheme", HmacSha256));
        if (info.Transport != "tcp") throw new KernelConfigException($"connection file '{path}': transport '{info.Transport}' is not supported (tcp only)");
        if (info.Key.Length == 0 && !allowUnsigned)
            throw new KernelConfigException($"connection file '{path}' has an empty key: messages would be unsigned; pass --allow-unsigned to accept that");
        if (info.Key.Length > 0 && info.SignatureScheme != HmacSha256)
            throw new KernelConfigException($"connection file '{path}': signature scheme '{info.SignatureScheme}' is not supported ({HmacSha256} only)");
        return info;
    }

    private static string Text(JsonObject json, string name, string fallback) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : fallback;

    private static int Port(JsonObject json, string name, string path) =>
        json[name] is JsonValue value && value.TryGetValue(out int port) && port is > 0 and < 65536
            ? port
            : throw new KernelConfigException($"connection file '{path}': '{name}' is missing or not a port number");
}
