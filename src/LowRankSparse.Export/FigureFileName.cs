using System.Text.RegularExpressions;

namespace LowRankSparse.Export;

/// <summary>
/// LaTeX-friendly file names for static figures: "fig-" and the figure id in lower case with hyphens for anything else
/// (spectra_vs_step → fig-spectra-vs-step), so <c>\includegraphics{fig-spectra-vs-step}</c> picks the .pdf or .png and
/// no underscore, space or second dot reaches TeX.
/// </summary>
public static partial class FigureFileName
{
    public static string Of(string figureId)
    {
        string stem = NotAlphanumeric().Replace(figureId.ToLowerInvariant(), "-").Trim('-');
        if (stem.Length == 0) throw new ArgumentException($"figure id '{figureId}' has no letter or digit", nameof(figureId));
        return "fig-" + stem;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
