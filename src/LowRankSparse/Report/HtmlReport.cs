using System.Net;
using System.Text;
using LowRankSparse.Display;
using LowRankSparse.Experiments;
using LowRankSparse.Figures;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Report;

/// <summary>
/// The self-contained report of a reproduction: introduction, configuration with provenance tags, the verdict table,
/// every figure with its caption. plotly.js is inlined once, so the page renders offline.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReproduceResults r, IReadOnlyList<Figure> figures)
    {
        var sb = new StringBuilder();
        string setup = RunTitle.Of(r);
        sb.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LowRankSparse reproduction — {E(setup)}</title>");
        sb.Append(Style).Append(PlotlyAssets.ScriptTag).Append("</head><body><main>");
        sb.Append("<h1>Learning on transformers is provably low-rank and sparse: checking the claims</h1>");
        sb.Append($"<p class=\"setup\"><strong>{E(setup)}</strong>{RunTitle.Line(r)}</p>");
        sb.Append(OutcomeTable.Html(r));
        sb.Append("<p>This report checks the claims of Li, Wang, Zhang, Liu and Chen, <em>Learning on Transformers is Provable Low-Rank and Sparse: ")
          .Append("A One-layer Analysis</em> (arXiv 2406.17167), on the paper's synthetic data model: a one-layer transformer trained by SGD on the hinge loss ")
          .Append("learns weight updates ΔW_Q, ΔW_K, ΔW_V of low rank (one direction per label-relevant pattern), and its output layer W_O becomes sparse, ")
          .Append("so magnitude pruning is nearly free while random pruning is not.</p>");
        sb.Append("<p>Each claim below is checked against the theory's prediction. Tags: <span class=\"tag paper\">paper</span> = stated by the paper or its ")
          .Append("ICLR 2023 sibling; <span class=\"tag ours\">ours</span> = a number or operationalisation chosen by this project. ")
          .Append($"{r.Seeds} training seeds{(r.Quick ? " (quick mode: small configuration)" : "")}; every number is also in <code>results.json</code> and each figure's data in <code>figures/*.csv</code>.</p>");

        sb.Append(TheoryRegimeSection.Html(r));
        sb.Append(ReadingGuide.Guide());
        sb.Append($"<h2 id=\"verdicts\">Verdicts: {E(VerdictSummary.Of(r.Verdicts))}</h2>");
        sb.Append("<p>Each claim has a <em>precondition</em> (when it fails the claim is <em>not applicable</em>: the measurement says nothing about it), ")
          .Append("a prediction that does not come from the number it is compared with (or is tagged <em>ours: fitted</em>), and a <em>control</em>: the same check ")
          .Append("in a setting where the theory predicts the claim fails. A claim the data contradicts is reported as <em>not reproduced</em>, with its numbers. ")
          .Append($"<a href=\"#{ReadingGuide.Id}\">How to read a row</a>.</p>");
        sb.Append(HtmlTables.Verdicts(r.Verdicts, ClaimFigures.For, linkGuide: true));
        sb.Append(ReadingGuide.Statements(r.Verdicts));

        sb.Append("<h2>Figures</h2>");
        foreach (var f in figures.Where(f => !PhaseReport.IsPhaseFigure(f.Id)))
            sb.Append(FigureSection.Html(f, GlossaryTables.Link(E(f.Caption)),
                string.Concat(ClaimFigures.ClaimsOf(f.Id).Select(id => r.Verdicts.FirstOrDefault(v => v.Id == id)).OfType<Verdict>()
                    .Select(v => $"<a class=\"verdict-link\" href=\"#verdict-{E(v.Id)}\">verdict: {E(v.StatusText)} — {E(v.Claim)}</a> "))));

        sb.Append(RealDataSection(r));
        sb.Append(PhaseReport.Section(r, figures));

        sb.Append("<h2>Configuration</h2>");
        var overrides = r.Provenance?.Overrides ?? [];
        if (r.Config.Description is string d)
            sb.Append(overrides.Count == 0 ? $"<p>{E(d)}</p>" : $"<p>The config file's description, written for it without the overrides: <em>{E(d)}</em></p>");
        if (overrides.Count > 0) sb.Append("<p>Values set by <code>--set</code> are <mark>highlighted</mark>.</p>");
        sb.Append($"<p>Each key's paper symbol is beside it (<a href=\"#{ReadingGuide.GlossaryId}\">glossary</a>); <em>value from</em> says whether the value is the paper's or ours.</p>");
        sb.Append(HtmlTables.Config(r.Config, RunTitle.OverriddenKeys(overrides)));
        sb.Append("<h2>Run</h2><p>")
          .Append(E($"Time by stage: {string.Join(", ", r.StageSeconds.Select(s => $"{s.Key} {s.Value:F1} s"))}. " +
                    $"Seed {r.Run.Seed}; LowRankSparse {r.Run.LowRankSparseVersion}, TorchSharp {r.Run.TorchSharpVersion}, libtorch {r.Run.LibTorchVersion}, " +
                    $"libtorch's default {r.Run.TorchThreads} threads per op; every stage uses {r.Run.TrainingThreads} per op, independent seeds, curves and runs side by side on up to {r.Run.TrainingWorkers} workers; {r.Run.Runtime}."))
          .Append("</p>").Append(RunTitle.ProvenanceHtml(r)).Append(ReadingGuide.GlossarySection()).Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>Issue #16: the real-data experiment's verdicts and key numbers, apart from the synthetic verdicts; or how to install the dataset.</summary>
    public static string RealDataSection(ReproduceResults r)
    {
        var sb = new StringBuilder("<h2 id=\"real-data\">Beyond synthetic data: Fashion-MNIST</h2>");
        if (r.RealData is not { } d)
            return sb.Append($"<p class=\"note\">{E(r.RealDataNote ?? "The real-data section was not run.")}</p>").ToString();
        string F(double x) => x.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        sb.Append($"<p>The same one-layer transformer, trainer and checks on a real binary task [ours]: Fashion-MNIST {E(d.ClassNames[0])} vs {E(d.ClassNames[1])}, ")
          .Append($"{d.TrainSamples} training and {d.TestSamples} test images, each cut into L = {d.Tokens} patches of d = {d.Dim} pixels")
          .Append($"{(d.Options.Quick ? " (quick mode)" : "")}. These verdicts are not part of the synthetic verdicts above. ")
          .Append(E($"Test accuracy {F(d.Real.TestAccuracy)}; linear baselines: " +
                    string.Join(", ", d.Linear.Select(l => $"{(l.Features == Training.LinearBaseline.Features.MeanPooled ? "mean-pooled tokens" : "all pixels")} {F(l.TestAccuracy)}")) +
                    $"; with shuffled training labels {F(d.Shuffled.Signatures.TestAccuracy)}."))
          .Append(" The full real-data report: the <code>realdata</code> command.</p>");
        sb.Append($"<h3>{E(VerdictSummary.Of(d.Verdicts))}</h3>");
        sb.Append(HtmlTables.Verdicts(d.Verdicts));
        return sb.ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static readonly string Style = PageStyle.Element(ReadingGuide.Style + "mark { background: #fde68a; } tr.override td { background: #fef3c7; } .setup { color: #333; } .verdict-link { display: block; font-weight: 600; }");
}
