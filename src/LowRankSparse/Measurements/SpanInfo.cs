namespace LowRankSparse.Measurements;

/// <summary>The class-mean difference of the tokens: its singular values and the share of its energy in the span used.</summary>
public sealed record SpanInfo(int Rank, double[] SingularValues, double EnergyInSpan);
