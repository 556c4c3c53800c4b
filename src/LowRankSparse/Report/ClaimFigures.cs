using LowRankSparse.Verdicts;


namespace LowRankSparse.Report;

/// <summary>Which report figures show the evidence of each claim (read off <see cref="ClaimCatalog"/>): the verdict table links to them
/// and each figure back to its verdicts.</summary>
public static class ClaimFigures
{
    public static IReadOnlyList<string> For(string claimId) => ClaimCatalog.Find(claimId)?.Figures ?? [];

    public static IReadOnlyList<string> ClaimsOf(string figureId) => ClaimCatalog.All.Where(c => c.Figures.Contains(figureId)).Select(c => c.Id).ToList();
}
