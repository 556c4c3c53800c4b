using System.Globalization;
using LowRankSparse.Experiments;
using Spectre.Console;

namespace LowRankSparse.Cli;

/// <summary>The console summary of a training run.</summary>
internal static class Summary
{
    public static void Print(TrainResults r)
    {
        AnsiConsole.MarkupLine(
            $"test accuracy [bold]{Pct(r.TestAccuracy)}[/], test hinge loss {F(r.TestLoss, 4)}, train accuracy {Pct(r.TrainAccuracy)}; " +
            $"{r.Steps} steps in {F(r.TrainSeconds, 2)} s ({F(r.StepsPerSecond, 0)} steps/s)");
        var table = new Table().Title("Weight updates ΔW = W(T) − W(0)")
            .AddColumns("weight", "top-2 energy", "rank @99% energy", "gap rank", "stable rank", "label-relevant energy (input)", "(output)");
        foreach (var (name, m) in r.Weights)
            table.AddRow(name, F(m.TopKEnergy.ElementAtOrDefault(1), 4), m.NumericalRank.ToString(CultureInfo.InvariantCulture),
                m.GapRank.ToString(CultureInfo.InvariantCulture), F(m.StableRank, 3), F(m.LabelRelevantEnergy, 3),
                m.LabelRelevantEnergyOutput is double o ? F(o, 3) : "–");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(
            $"lucky neurons (W_O rows above the Otsu threshold {F(r.LuckyThreshold, 4)}): [bold]{Pct(r.LuckyFraction)}[/] of {r.WORowNorms.Length}; " +
            $"attention on label-relevant keys {F(r.AttentionOnLabelRelevantInitial, 3)} → {F(r.AttentionOnLabelRelevant, 3)}");
    }

    private static string F(double v, int digits) => v.ToString("F" + digits, CultureInfo.InvariantCulture);
    private static string Pct(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
