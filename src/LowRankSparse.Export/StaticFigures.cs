using System.Diagnostics;
using LowRankSparse.Display;
using LowRankSparse.Util;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using Figure = LowRankSparse.Figures.Figure;

namespace LowRankSparse.Export;

/// <summary>
/// Writes figures as static files for a paper or slides (issue #18): each figure in <see cref="PublicationLayout"/>, drawn by
/// plotly.js's own image export (<c>Plotly.toImage</c>: SVG, and PNG at 300 dpi) in one headless Chromium, the PDF printed by
/// that Chromium from the SVG (vectors and text stay vectors and text), and the figure's data as CSV beside it. Files are named
/// by <see cref="FigureFileName"/>. One browser start for all figures; no network (plotly.js is the copy inside Plotly.NET).
/// </summary>
public static class StaticFigures
{
    /// <summary>What an export wrote, and how long it took (browser start included).</summary>
    public sealed record Result(IReadOnlyList<string> Files, TimeSpan Elapsed);

    public static Result Write(IReadOnlyList<Figure> figures, string folder, IReadOnlyList<FigureFormat> formats, string chromium, CancellationToken cancel = default) =>
        WriteAsync(figures, folder, formats, chromium, cancel).GetAwaiter().GetResult();

    public static async Task<Result> WriteAsync(IReadOnlyList<Figure> figures, string folder, IReadOnlyList<FigureFormat> formats, string chromium, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        string profile = Path.Combine(Path.GetTempPath(), $"lowranksparse-chromium-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var files = new List<string>();
        try
        {
            var options = new LaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                UserDataDir = profile,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions"],
            };
            await using var browser = await Puppeteer.LaunchAsync(options);
            await using var plotly = await browser.NewPageAsync();
            await plotly.SetContentAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{PlotlyAssets.ScriptTag}</head><body></body></html>");
            await using var printer = formats.Contains(FigureFormat.Pdf) ? await browser.NewPageAsync() : null;
            foreach (var figure in figures)
            {
                cancel.ThrowIfCancellationRequested();
                var json = PublicationLayout.Of(figure.Chart);
                var (width, height) = PublicationLayout.Size(json);
                string stem = Path.Combine(folder, FigureFileName.Of(figure.Id));
                string? svg = null;
                foreach (var format in formats)
                {
                    string path = stem + "." + format.Extension();
                    switch (format)
                    {
                        case FigureFormat.Svg:
                            svg ??= await ToImage(plotly, json.ToJsonString(), "svg", 1);
                            Json.WriteAtomically(path, svg);
                            break;
                        case FigureFormat.Png:
                            WriteBytes(path, PngDensity.WithDpi(Convert.FromBase64String(await ToImage(plotly, json.ToJsonString(), "png", PublicationLayout.PngScale)), PublicationLayout.Dpi));
                            break;
                        case FigureFormat.Pdf:
                            svg ??= await ToImage(plotly, json.ToJsonString(), "svg", 1);
                            WriteBytes(path, await Print(printer!, svg, width, height));
                            break;
                    }
                    files.Add(path);
                }
                string csv = stem + ".csv";
                Json.WriteAtomically(csv, figure.Data.ToCsv());
                files.Add(csv);
            }
        }
        finally
        {
            try { if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true); }
            catch (IOException) { }   // the browser may still be closing its profile; a temp folder left behind is harmless
        }
        return new Result(files, clock.Elapsed);
    }

    /// <summary>plotly.js draws the figure off-screen and returns the SVG text or the PNG as base64 (imageDataOnly).</summary>
    private static Task<string> ToImage(IPage page, string figureJson, string format, double scale) =>
        page.EvaluateFunctionAsync<string>(
            "(json, format, scale) => { const f = JSON.parse(json); " +
            "return Plotly.toImage(f, { format, width: f.layout.width, height: f.layout.height, scale, imageDataOnly: true }); }",
            figureJson, format, scale);

    /// <summary>One PDF page of exactly the figure's size holding the SVG.</summary>
    private static async Task<byte[]> Print(IPage page, string svg, int width, int height)
    {
        string size = $"{width}px {height}px";
        await page.SetContentAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page {{ size: {size}; margin: 0 }} html, body {{ margin: 0; padding: 0 }} svg {{ display: block }}</style></head>" +
            $"<body>{svg}</body></html>");
        return await page.PdfDataAsync(new PdfOptions
        {
            Width = $"{width}px",
            Height = $"{height}px",
            PrintBackground = true,
            MarginOptions = new MarginOptions { Top = "0", Right = "0", Bottom = "0", Left = "0" },
            PageRanges = "1",
        });
    }

    private static void WriteBytes(string path, byte[] bytes)
    {
        string tmp = path + $".tmp-{Environment.ProcessId}";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }
}
