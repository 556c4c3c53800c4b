using System.Text.Json.Nodes;

namespace LowRankSparse.Interactive.Notebooks;

/// <summary>nbformat's multiline strings: one string, or a list of lines to concatenate.</summary>
public static class MultilineText
{
    public static string Of(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };
}
