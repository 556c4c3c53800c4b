using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Export;

/// <summary>A file format of a static figure: vector SVG, 300 dpi PNG, vector PDF.</summary>
public enum FigureFormat { Svg, Png, Pdf }

public static class FigureFormats
{
    public static IReadOnlyList<FigureFormat> All { get; } = Enum.GetValues<FigureFormat>();

    /// <summary>The file extension (and the name users type): svg, png, pdf.</summary>
    public static string Extension(this FigureFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>A comma-separated list such as "svg,png,pdf" (case and spaces ignored, repeats once); bad input names the option, the value and the allowed formats.</summary>
    public static IReadOnlyList<FigureFormat> Parse(string list, string option = "--format")
    {
        var parsed = new List<FigureFormat>();
        foreach (string part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var format = All.Cast<FigureFormat?>().FirstOrDefault(f => string.Equals(f!.Value.Extension(), part, StringComparison.OrdinalIgnoreCase))
                         ?? throw new ConfigException(option, list, $"'{part}' is not a figure format; allowed: a comma-separated list of {string.Join(", ", All.Select(f => f.Extension()))}");
            if (!parsed.Contains(format)) parsed.Add(format);
        }
        return parsed;
    }
}
