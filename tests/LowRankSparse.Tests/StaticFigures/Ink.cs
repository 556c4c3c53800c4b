using PuppeteerSharp;

namespace LowRankSparse.Tests.StaticFigures;

/// <summary>
/// What an image shows once Chromium has decoded it (an &lt;img&gt; drawn on a white canvas): its size, the share of pixels
/// that are not white, and the share in colour (not grey: axes, grid and text are grey or black, the data is in colour). A
/// chart whose traces are missing still has axes and text; only the coloured share tells it was drawn.
/// </summary>
public sealed record Ink(int Width, int Height, double Inked, double Coloured)
{
    private const string Measure = """
        async (url) => {
          const img = new Image(); img.src = url; await img.decode();
          const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
          const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height); g.drawImage(img, 0, 0);
          const d = g.getImageData(0, 0, c.width, c.height).data;
          let inked = 0, coloured = 0;
          for (let i = 0; i < d.length; i += 4) {
            const r = d[i], gr = d[i + 1], b = d[i + 2];
            if (r < 250 || gr < 250 || b < 250) inked++;
            if (Math.max(r, gr, b) - Math.min(r, gr, b) > 60) coloured++;
          }
          const n = d.length / 4;
          return { width: c.width, height: c.height, inked: inked / n, coloured: coloured / n };
        }
        """;

    /// <summary>An SVG's text without its data: URIs — a heatmap is an <c>&lt;image href="data:image/png;base64,…"&gt;</c> whose base64 may
    /// spell "NaN" by chance — for checks such as "no NaN anywhere".</summary>
    public static string WithoutDataUris(string svg) => System.Text.RegularExpressions.Regex.Replace(svg, "\"data:[^\"]*\"", "\"\"");

    /// <summary>Decodes a PNG or SVG file in <paramref name="page"/> (as a data URL: a file:// image would taint the canvas).</summary>
    public static Task<Ink> Of(IPage page, string file)
    {
        string mime = Path.GetExtension(file) == ".svg" ? "image/svg+xml" : "image/png";
        return page.EvaluateFunctionAsync<Ink>(Measure, $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(file))}");
    }

    /// <summary>Drawn: some ink, not all ink, and data in colour.</summary>
    public bool Drawn => Inked is > 0.01 and < 0.9 && Coloured > 0.001;

    public override string ToString() => $"{Width}×{Height}, {Inked:P1} inked, {Coloured:P2} in colour";
}
