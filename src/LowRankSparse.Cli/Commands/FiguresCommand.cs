using System.CommandLine;
using LowRankSparse.Experiments;
using LowRankSparse.Export;
using LowRankSparse.Figures;
using LowRankSparse.Report;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>figures</c>: every report figure of a finished reproduction as static files for a paper or slides, drawn from its results.json (no retraining).</summary>
internal static class FiguresCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "A reproduce output folder (holding results.json) or a results.json. Default: out",
            DefaultValueFactory = _ => "out",
        };
        var format = new Option<string>("--format")
        {
            Description = $"File formats: {StaticFigureOptions.FormatHelp}. Default: svg,png,pdf",
            DefaultValueFactory = _ => "svg,png,pdf",
        };
        var output = new Option<string?>("--out", "-o") { Description = $"Output folder. Default: FROM/{ReportFiles.Publication}" };
        var force = CommonOptions.Force();
        var command = new Command("figures",
            "Write every report figure of a finished reproduce run as static files for a paper or slides: SVG, PNG (300 dpi) and PDF, " +
            "7 in wide on a white background, named fig-ID.EXT (LaTeX-friendly), each with its data as fig-ID.csv. Reads FROM/results.json " +
            "(nothing is retrained); draws with plotly.js in headless Chromium (needs chromium).")
        {
            from, format, output, force,
        };
        command.SetAction(parse =>
        {
            var formats = FigureFormats.Parse(parse.GetValue(format)!);
            string fromArg = parse.GetValue(from)!;
            var results = ResultsFile.Read(fromArg);
            string chromium = StaticFigureOptions.RequireChromium();
            var figures = ReportFigures.All(results);
            string outArg = parse.GetValue(output) ?? Path.Combine(Directory.Exists(fromArg) ? fromArg : Path.GetDirectoryName(Path.GetFullPath(fromArg))!, ReportFiles.Publication);
            string dir = OutputFolder.Prepare(outArg, parse.GetValue(force), StaticFigureOptions.OwnFiles(figures));
            var result = StaticFigureOptions.Write(figures, dir, formats, chromium);
            StaticFigureOptions.Print(result, figures.Count, formats, dir);
            return 0;
        });
        return command;
    }
}
