using System.Reflection;
using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Kernel;

/// <summary>The content of kernel_info_reply.</summary>
internal static class KernelInfo
{
    public const string Implementation = "lowranksparse-csharp";

    public static JsonObject Content()
    {
        string version = typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = Implementation,
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = "C#",
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# (Roslyn scripting) with TorchSharp, Plotly.NET and the LowRankSparse library: {Implementation} {version} on .NET {Environment.Version}",
            ["help_links"] = new JsonArray(),
            ["debugger"] = false,
        };
    }
}
