using System.Text.Json.Serialization;
using LowRankSparse.Analysis;
using LowRankSparse.Training;
using LowRankSparse.Util;

namespace LowRankSparse.Measurements;

/// <summary>
/// The sparse output layer (claim 2) over seeds: lucky fraction (Otsu threshold on W_O row norms), the neurons lucky at
/// initialisation and how many of them end up large (and how many of the large ones were lucky), the separation of large and small rows, and the first seed's row norms (final and at every snapshot) and alignments for the figures.
/// </summary>
public sealed record SparsitySection(
    double LuckyFractionMean,
    double LuckyFractionStd,
    double[] LuckyFraction,
    double LuckyAtInitFractionMean,
    double LuckyAtInitThatEndLargeMean,
    double LargeThatWereLuckyAtInitMean,
    double SeparationMean,
    double Threshold,
    [property: JsonPropertyName("w_o_row_norms")] double[] WORowNorms,
    [property: JsonPropertyName("w_o_row_norms_initial")] double[] WORowNormsInitial,
    IReadOnlyList<NeuronAlignment> Neurons,
    IReadOnlyList<RowNormsAtStep> RowNormsVsStep,
    OutputSparsityMean BySeed)
{
    public static SparsitySection Compute(IReadOnlyList<TrainingRun> runs)
    {
        var lucky = runs.Select(r => LuckyNeurons.Of(r.Final, r.Patterns)).ToList();
        var atInit = runs.Select(r => InitialLuck.LuckyAtInit(r.Initial, r.OutputVector, r.Patterns)).ToList();
        var measures = runs.Select(r => OutputSparsity.Of(r.Final, r.Initial, r.OutputVector, r.Patterns)).ToList();
        var first = lucky[0];
        var run = runs[0];
        var neurons = Enumerable.Range(0, first.RowNorms.Length).Select(i => new NeuronAlignment(
            i, run.OutputVector[i] > 0 ? 1 : -1, first.RowNorms[i], first.IsLucky[i], atInit[0][i], first.Alignment[i])).ToList();
        var initialNorms = LuckyNeurons.Of(run.Initial, run.Patterns).SortedRowNorms;
        var evolution = run.Snapshots.Select(s =>
        {
            var norms = LuckyNeurons.Of(s.Weights, run.Patterns).SortedRowNorms;
            return new RowNormsAtStep(s.Step, norms, norms.Count(n => n > first.Threshold) / (double)norms.Length);
        }).ToList();
        return new SparsitySection(
            Stats.Mean(lucky.Select(l => l.LuckyFraction)), Stats.Std(lucky.Select(l => l.LuckyFraction)),
            lucky.Select(l => l.LuckyFraction).ToArray(),
            Stats.Mean(measures.Select(m => m.LuckyAtInitFraction)),
            Stats.Mean(measures.Select(m => m.LuckyAtInitThatAreLarge)), Stats.Mean(measures.Select(m => m.LargeThatWereLuckyAtInit)),
            Stats.Mean(measures.Select(m => m.Separation)),
            first.Threshold, first.SortedRowNorms, initialNorms, neurons, evolution, OutputSparsityMean.Of(measures));
    }
}

/// <summary>
/// The first seed's W_O row norms (descending) at a training step, and the fraction of rows above the final lucky threshold:
/// how the lucky neurons emerge.
/// </summary>
public sealed record RowNormsAtStep(int Step, [property: JsonPropertyName("w_o_row_norms")] double[] RowNorms, double AboveFinalThreshold);

/// <summary>One neuron (W_O row) of the first seed: the sign of its a_i, norm, lucky now / at init, cosines with W_V μ_j.</summary>
public sealed record NeuronAlignment(int Index, int Sign, double Norm, bool Lucky, bool LuckyAtInit, double[] Alignment);
