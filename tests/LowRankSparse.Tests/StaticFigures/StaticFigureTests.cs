using System.Text.RegularExpressions;
using LowRankSparse.Export;
using LowRankSparse.Figures;
using LowRankSparse.Tests.Cli;
using LowRankSparse.Tests.Hosts;
using LowRankSparse.Tests.Interactive;
using LowRankSparse.Tests.Reproduce;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace LowRankSparse.Tests.StaticFigures;

/// <summary>
/// Issue #18, as a reader of the paper or the slides gets it: <c>figures</c> writes every report figure of a finished run as SVG,
/// PNG and PDF with its CSV, and each file opens and shows the data (PNG and SVG decoded in Chromium, the PDF rendered by
/// pdftoppm); the report's charts take the page width on a 1280 px screen and on a 1024 px projector.
/// </summary>
[Collection(QuickReproductionCollection.Name)]
public sealed class StaticFigureTests(QuickReproductionFixture quick, ITestOutputHelper output)
{
    private static Task<IBrowser> Browser() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Chromium.Find() ?? throw new InvalidOperationException(Chromium.Missing()),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });

    [ChromiumFact(pdftoppm: true)]
    public async Task The_figures_command_writes_every_report_figure_in_every_format_and_each_shows_its_data()
    {
        string dir = TestPaths.NewTempDir("figures");
        var run = CliRunner.Run("figures", "--from", quick.Folder, "--out", dir);
        output.WriteLine(run.Out + run.Err);
        Assert.True(run.ExitCode == 0, run.Err);

        var figures = ReportFigures.All(quick.Results);
        Assert.Equal(figures.Count * 4, Directory.GetFiles(dir).Length);   // svg, png, pdf, csv each; nothing else
        await using var browser = await Browser();
        await using var page = await browser.NewPageAsync();
        foreach (var figure in figures)
        {
            string stem = Path.Combine(dir, FigureFileName.Of(figure.Id));
            Assert.Equal(File.ReadAllText(Path.Combine(quick.Folder, "figures", figure.Id + ".csv")), File.ReadAllText(stem + ".csv"));

            var png = await Ink.Of(page, stem + ".png");
            string svgText = File.ReadAllText(stem + ".svg");
            var svg = await Ink.Of(page, stem + ".svg");
            string rendered = Path.Combine(dir, "..", Path.GetFileName(stem) + "-pdf");
            var pdftoppm = ChildProcess.Run("pdftoppm", ["-png", "-r", "96", "-singlefile", stem + ".pdf", rendered]);
            Assert.True(pdftoppm.ExitCode == 0, $"{figure.Id}: pdftoppm failed: {pdftoppm.Error}");
            var pdf = await Ink.Of(page, rendered + ".png");
            output.WriteLine($"{figure.Id}: png {png}; svg {svg}; pdf {pdf}");

            Assert.True(png.Drawn, $"{figure.Id}.png: {png}");
            Assert.True(svg.Drawn, $"{figure.Id}.svg: {svg}");
            Assert.True(pdf.Drawn, $"{figure.Id}.pdf: {pdf}");
            Assert.Equal(2100, png.Width);                                             // 7 in at 300 dpi
            Assert.Equal(300, PngDensity.Dpi(File.ReadAllBytes(stem + ".png"))!.Value, 0.1);   // issue #25: and says so in its pHYs chunk
            Assert.Equal(PublicationLayout.Width, svg.Width);
            Assert.InRange(pdf.Width, PublicationLayout.Width - 2, PublicationLayout.Width + 2);   // one page of the figure's size at 96 dpi
            Assert.Matches(new Regex("class=\"(js-line|point)\""), svgText);          // plotly.js drew the traces' marks
            Assert.DoesNotContain("NaN", Ink.WithoutDataUris(svgText));
        }
    }

    [ChromiumFact]
    public async Task Report_charts_take_the_page_width_on_a_1280_px_screen_and_a_1024_px_projector()
    {
        await using var browser = await Browser();
        await using var page = await browser.NewPageAsync();
        int figures = ReportFigures.All(quick.Results).Count;
        foreach (int width in new[] { 1280, 1024 })
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
            await page.GoToAsync(new Uri(Path.Combine(quick.Folder, "report.html")).AbsoluteUri,
                new NavigationOptions { Timeout = 300_000, WaitUntil = [WaitUntilNavigation.Load] });
            double content = await page.EvaluateExpressionAsync<double>(
                "(() => { const m = document.querySelector('main'), s = getComputedStyle(m); return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); })()");
            var charts = await page.EvaluateExpressionAsync<double[]>(
                "[...document.querySelectorAll('section.figure .js-plotly-plot')].map(d => d.querySelector('svg.main-svg')?.getBoundingClientRect().width ?? 0)");
            output.WriteLine($"{width} px: content {content} px, charts {string.Join(", ", charts)} px");
            Assert.Equal(figures, charts.Length);
            Assert.All(charts, w => Assert.InRange(w, content - 2, content + 2));
            Assert.True(content >= width * 0.9 || content >= 1150, $"{width} px: the page's content is {content} px wide");
        }
    }
}
