using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>
/// The connection file Jupyter writes for a kernel: where to bind the five sockets and the key that signs messages. A port of 0
/// means "any free port": the kernel binds one and writes the ports it got back into the file (<see cref="WritePorts"/>), as
/// ipykernel does.
/// </summary>
public sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HbPort, string Key, string SignatureScheme)
{
    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    public bool HasUnassignedPorts => new[] { ShellPort, IopubPort, StdinPort, ControlPort, HbPort }.Contains(0);

    /// <param name="allowUnsigned">Accept an empty key (messages are then neither signed nor checked).</param>
    public static ConnectionInfo Load(string path, bool allowUnsigned)
    {
        var json = Read(path);
        var info = new ConnectionInfo(
            Text(json, "transport", "tcp"), Text(json, "ip", "127.0.0.1"),
            Port(json, "shell_port", path), Port(json, "iopub_port", path), Port(json, "stdin_port", path),
            Port(json, "control_port", path), Port(json, "hb_port", path),
            Text(json, "key", ""), Text(json, "signature_scheme", Kernel.SignatureScheme.HmacSha256));
        if (info.Transport != "tcp") throw new KernelConfigException($"connection file '{path}': transport '{info.Transport}' is not supported (tcp only)");
        if (info.Key.Length == 0 && !allowUnsigned)
            throw new KernelConfigException($"connection file '{path}' has an empty key: messages would be unsigned; pass --allow-unsigned to accept that");
        try
        {
            Kernel.SignatureScheme.Hash(info.SignatureScheme);
        }
        catch (KernelConfigException e)
        {
            throw new KernelConfigException($"connection file '{path}': {e.Message}");
        }
        return info;
    }

    /// <summary>Writes this connection's ports into the file at <paramref name="path"/>, keeping its other fields.</summary>
    public void WritePorts(string path)
    {
        var json = Read(path);
        json["shell_port"] = ShellPort;
        json["iopub_port"] = IopubPort;
        json["stdin_port"] = StdinPort;
        json["control_port"] = ControlPort;
        json["hb_port"] = HbPort;
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");  // in place: keeps the file's mode
    }

    private static JsonObject Read(string path)
    {
        if (!File.Exists(path)) throw new KernelConfigException($"connection file '{path}' does not exist");
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new KernelConfigException($"connection file '{path}' is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new KernelConfigException($"connection file '{path}' is not valid JSON ({e.Message})");
        }
    }

    private static string Text(JsonObject json, string name, string fallback) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : fallback;

    private static int Port(JsonObject json, string name, string path) =>
        json[name] is JsonValue value && value.TryGetValue(out int port) && port is >= 0 and < 65536
            ? port
            : throw new KernelConfigException($"connection file '{path}': '{name}' is missing or not a port number (0 to 65535; 0: any free port)");
}
