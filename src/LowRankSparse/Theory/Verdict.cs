namespace LowRankSparse.Theory;

/// <summary>One claim checked against the measurement: what was predicted, what was measured, and whether it holds.</summary>
public sealed record Verdict(string Id, string Claim, string Tag, string Predicted, string Measured, bool Holds);
