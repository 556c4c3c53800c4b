namespace LowRankSparse.Verdicts;

/// <summary>
/// A claim as the paper states it, quoted from this project's paraphrase (docs/paper-notes.md, <paramref name="Section"/>): each of
/// <paramref name="Quotes"/> is verbatim there (a test holds them to it), <paramref name="Tag"/> says whether the statement is the
/// paper's or ours, and <paramref name="Reading"/> (optional) how this project reads it where the words leave room.
/// </summary>
public sealed record ClaimStatement(string Section, string Tag, string[] Quotes, string? Reading = null);

/// <summary>The paper's statement of each synthetic claim (verdict id → statement), read off <see cref="ClaimCatalog"/>.</summary>
public static class ClaimStatements
{
    public const string Source = "docs/paper-notes.md";

    public static IReadOnlyDictionary<string, ClaimStatement> ById { get; } = ClaimCatalog.All.ToDictionary(c => c.Id, c => c.Statement);

    public static ClaimStatement? For(string claimId) => ClaimCatalog.Find(claimId)?.Statement;
}
