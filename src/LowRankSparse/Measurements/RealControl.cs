namespace LowRankSparse.Measurements;

/// <summary>A control training run on the same images: shuffled labels (nothing to learn) or saturated initial attention.</summary>
public sealed record RealControl(string Setting, Signatures Signatures);
