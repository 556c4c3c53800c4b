using System.CommandLine;
using LowRankSparse.Export;
using LowRankSparse.Figures;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>What <c>figures</c> and <c>reproduce --figures</c> share: the format list, the browser check before any work, the file names and the closing line.</summary>
internal static class StaticFigureOptions
{
    public static string FormatHelp => $"a comma-separated list of {string.Join(", ", FigureFormats.All.Select(f => f.Extension()))}";

    /// <summary>The browser, or a usage error (exit 2) saying how to get one.</summary>
    public static string RequireChromium() => Chromium.Find() ?? throw new UsageException(Chromium.Missing());

    /// <summary>Every file name an export of these figures may write (in any format): an earlier export's files never need --force.</summary>
    public static string[] OwnFiles(IEnumerable<Figure> figures) =>
        figures.SelectMany(f => FigureFormats.All.Select(x => x.Extension()).Append("csv").Select(ext => FigureFileName.Of(f.Id) + "." + ext)).ToArray();

    public static StaticFigures.Result Write(IReadOnlyList<Figure> figures, string folder, IReadOnlyList<FigureFormat> formats, string chromium) =>
        StaticFigures.Write(figures, folder, formats, chromium, CliHost.Cancellation);

    public static void Print(StaticFigures.Result result, int figures, IReadOnlyList<FigureFormat> formats, string folder) =>
        AnsiConsole.MarkupLine(Markup.Escape(
            $"wrote {figures} figures as {string.Join(", ", formats.Select(f => f.Extension()))} (and their CSV) to {folder} in {result.Elapsed.TotalSeconds:F1} s"));
}
