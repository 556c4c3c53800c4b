using LowRankSparse.Data;
using LowRankSparse.Measurements;
using LowRankSparse.Pruning;
using LowRankSparse.Theory;
using LowRankSparse.Util;
using static LowRankSparse.Util.Fmt;

namespace LowRankSparse.Verdicts;

/// <summary>
/// Checks the claims of the paper (docs/paper-notes.md §4) against measurements, one verdict per claim, each with a precondition
/// (not applicable when it fails), a prediction that does not come from the number it is compared with (or is tagged
/// [ours: fitted]) and a control: the same check in a setting where the theory predicts the claim fails. Every check is public
/// and takes analysis results, so a notebook checks the claim it just measured. Thresholds are [ours], in <see cref="Thresholds"/>.
/// </summary>
public static class Claims
{
    private static readonly string[] Qkv = UpdatesSection.AttentionWeights;

    /// <summary>
    /// A measurement held against a prediction: its outcome (holds / fails / inconclusive, from the criteria's intervals over seeds, or a
    /// yes/no for checks that are not a statistic over seeds), the words that say so, and the criteria it was decided on.
    /// </summary>
    public sealed record Check(VerdictStatus Outcome, string Measured, IReadOnlyList<Criterion> Criteria)
    {
        /// <summary>A yes/no check that is not a statistic over seeds (the data checks, the real-data experiment's single run).</summary>
        public Check(bool ok, string measured) : this(ok ? VerdictStatus.Holds : VerdictStatus.Fails, measured, []) { }

        public bool Ok => Outcome == VerdictStatus.Holds;

        /// <summary>All of <paramref name="criteria"/> must hold; the measured text lists each with its interval, then <paramref name="details"/>.</summary>
        public static Check Of(IReadOnlyList<Criterion> criteria, string details = "") => new(Criterion.All(criteria),
            string.Join("; ", criteria.Select(c => c.Text())) + (details.Length > 0 ? $". {details}" : ""), criteria);

        /// <summary>A measurement the claim needs is missing: the verdict reads not applicable.</summary>
        public static Check Missing(string what) => new(VerdictStatus.NotApplicable, what, []);
    }

    /// <summary>The claims about the attention updates ΔW_Q, ΔW_K (issue #23), from <see cref="ClaimCatalog"/>.</summary>
    public static IReadOnlySet<string> AttentionUpdateClaims => ClaimCatalog.AttentionUpdateIds;

    /// <summary>[ours] Fewer W_O rows than this is "a handful of neurons": a large/small split of so few norms says nothing about the theory's
    /// m ≫ M² ln N neurons, so the claims about W_O read not applicable.</summary>
    public const int MinNeurons = 16;

    /// <summary>All claims of a reproduction (<see cref="ClaimCatalog.All"/>), with their controls where the controls ran, marked with the run's theory conditions.</summary>
    public static IReadOnlyList<Verdict> CheckAll(ClaimInputs i) =>
        ClaimCatalog.All.Select(c => InRegime(c.Judge(i), i.AttentionMatters, i.Conditions, i.Sparsity.WORowNorms.Length)).ToList();

    /// <summary>
    /// A verdict in its regime: not applicable when it is about the attention updates and attention learning does not matter or the initial
    /// attention is saturated, or about W_O on a handful of neurons; marked inside or outside the theorem's conditions when they were evaluated.
    /// </summary>
    public static Verdict InRegime(Verdict v, AttentionMattersSection? attention, IReadOnlyList<TheoryCondition>? conditions, int? neurons = null)
    {
        bool applicable = v.Status != VerdictStatus.NotApplicable;
        if (applicable && attention is { Matters: false } && AttentionUpdateClaims.Contains(v.Id))
            v = NotApplicable(v, $"attention learning matters ({attention.Criterion}) — it does not here: frozen W_Q, W_K reach test hinge " +
                                 $"{attention.FrozenQkTestHinge.Text()} against {attention.FullTestHinge.Text()}");
        var saturation = conditions?.FirstOrDefault(c => c.Id == TheoryCondition.NotSaturatedId);
        if (v.Status != VerdictStatus.NotApplicable && saturation is { Inside: false } && AttentionUpdateClaims.Contains(v.Id))
            v = NotApplicable(v, $"the initial attention is not saturated ({saturation.Name}: {saturation.Text}) — it is here, and the theory says " +
                                 "nothing about updates that start from a saturated softmax");
        if (v.Status != VerdictStatus.NotApplicable && neurons < MinNeurons && ClaimCatalog.OutputLayerIds.Contains(v.Id))
            v = NotApplicable(v, $"W_O has at least {MinNeurons} rows [ours] for a large/small split to mean anything — it has {neurons}");
        if (conditions is null) return v;
        // a claim judged on sweep points marks itself outside when points it judges are (Noise, RankVsK): the run's own conditions do not cover them
        bool runInside = TheoryCondition.AllInside(conditions), inside = runInside && v.InsideTheory != false;
        return v with
        {
            InsideTheory = inside,
            ConditionsBroken = !runInside ? TheoryCondition.Summary(conditions).Replace("outside the theorem's conditions: ", "")
                : inside ? "" : v.ConditionsBroken ?? "",
        };
    }

    /// <summary>Not applicable, and so is its control: where the precondition fails the control says nothing about the check either.</summary>
    private static Verdict NotApplicable(Verdict v, string why) => v with
    {
        Status = VerdictStatus.NotApplicable, Precondition = $"{why}; and {v.Precondition}",
        Control = v.Control is null ? null : v.Control with { Outcome = VerdictStatus.NotApplicable },
    };

    // ---- claim 1: low rank ----------------------------------------------------------------------------------------------

    private const string EnergyReason = "[ours] the 99 % energy rule: rank at 99 % energy ≤ g ⇔ top-g energy ≥ 0.99, with g the predicted gap rank " +
                                        "(Predictions.GapRanks); a more concentrated update is no failure";

    public static Verdict LowRank(DataConfig data, Convergence convergence, UpdatesSection updates, ControlRun? saturated = null)
    {
        var g = Predictions.GapRanks(data);
        return Judge(ClaimCatalog.LowRank, convergence.Converged, convergence.Text,
            $"at most g dominant singular values, g = {GapText(g)} (Predictions.GapRanks from the data config: K = {data.NumLabelRelevant}): " +
            $"top-g energy ≥ {Thresholds.TopKEnergy} [ours] for each update, over seeds",
            LowRankCheck(g, updates), ControlSetting(saturated), saturated is null ? null : LowRankCheck(g, saturated.Updates));
    }

    /// <summary>Low rank with the same k for every update (the phase cells: K = 2 per sample, where the predicted gap ranks are all K).</summary>
    public static Check LowRankCheck(int k, UpdatesSection updates) => LowRankCheck(Qkv.ToDictionary(w => w, _ => k), updates);

    public static Check LowRankCheck(IReadOnlyDictionary<string, int> g, UpdatesSection updates) => Check.Of(
        Qkv.Select(w => Criterion.Of($"top-{g[w]} energy of Δ{w}", updates.Weights[w].TopEnergyBySeed(g[w]), Comparison.AtLeast, Thresholds.TopKEnergy,
            EnergyReason)).ToList(),
        string.Join(", ", Qkv.Select(w => $"Δ{w} rank@99% {Ranks(updates.Weights[w].NumericalRank)}, stable rank {F(updates.Weights[w].StableRankMean, 2)}")));

    /// <summary>The theorem is about the SGD iterates: W(t) − W(0) is low-rank at every snapshot, not only at the end.</summary>
    public static Verdict LowRankThroughout(DataConfig data, Convergence convergence, UpdatesSection updates, ControlRun? saturated = null)
    {
        bool snapshots = updates.EnergyVsStep.Count > 0;
        return Judge(ClaimCatalog.LowRankThroughout, convergence.Converged && snapshots,
            snapshots ? convergence.Text : "snapshots were taken during training (training.snapshot_every > 0)",
            $"top-g energy of W(t) − W(0) ≥ {Thresholds.TopKEnergy} [ours] at every snapshot t, g = {GapText(Predictions.GapRanks(data))}: " +
            "each seed's lowest value over the snapshots, over seeds",
            ThroughoutCheck(updates), ControlSetting(saturated), saturated is null ? null : ThroughoutCheck(saturated.Updates));
    }

    public static Check ThroughoutCheck(UpdatesSection updates)
    {
        if (updates.EnergyVsStep.Count == 0) return Check.Missing("no snapshots");
        int seeds = updates.EnergyVsStep[0].BySeed[Qkv[0]].Length;
        var criteria = Qkv.Select(w => Criterion.Of($"lowest top-g energy of Δ{w} over {updates.EnergyVsStep.Count} snapshots",
            Enumerable.Range(0, seeds).Select(s => updates.EnergyVsStep.Min(e => e.BySeed[w][s])), Comparison.AtLeast, Thresholds.TopKEnergy, EnergyReason)).ToList();
        var lowest = Qkv.Select(w => (Weight: w, Point: updates.EnergyVsStep.MinBy(e => e.Mean[w])!)).ToList();
        return Check.Of(criteria, "lowest mean: " + string.Join(", ", lowest.Select(l => $"Δ{l.Weight} {F(l.Point.Mean[l.Weight], 4)} at step {l.Point.Step}")));
    }

    private const string SpanReason = "[ours] most of the update's energy (a majority) on the label-relevant span; an isotropic update puts K/d there";

    /// <param name="control">The shuffled-labels run (<see cref="ControlsSection.ShuffledLabels"/>): no pattern carries the label, so the theory
    /// gives nothing that draws the updates to the label-relevant span.</param>
    public static Verdict LabelRelevantSpan(DataConfig data, Convergence convergence, UpdatesSection updates, ControlRun? control = null) =>
        Judge(ClaimCatalog.LabelRelevantSpan, convergence.Converged, convergence.Text,
            $"the updates live on {Predictions.ConcentrationSpan(data)}: label-relevant energy ≥ {Thresholds.RelevantEnergy} [ours: a majority; chance " +
            $"K/d = {F(ChanceShare(data), 3)}] on the concentrated sides (ΔW_Q output, ΔW_K and ΔW_V input), over seeds",
            SpanCheck(updates), ControlSetting(control), control is null ? null : SpanCheck(control.Updates));

    public static Check SpanCheck(UpdatesSection updates)
    {
        if (ConcentratedSidesBySeed(updates) is not var (q, k, v)) return Check.Missing("the label-relevant energy per seed was not measured");
        return Check.Of([
            Criterion.Of("label-relevant energy of ΔW_Q (output side)", q, Comparison.AtLeast, Thresholds.RelevantEnergy, SpanReason),
            Criterion.Of("label-relevant energy of ΔW_K (input side)", k, Comparison.AtLeast, Thresholds.RelevantEnergy, SpanReason),
            Criterion.Of("label-relevant energy of ΔW_V (input side)", v, Comparison.AtLeast, Thresholds.RelevantEnergy, SpanReason),
        ]);
    }

    /// <summary>
    /// [paper] "label-irrelevant energy small and growing with τ", judged on the sides the updates concentrate on (ΔW_Q output,
    /// ΔW_K and ΔW_V input) over the sweep's seeds: each seed's largest value over τ is small, and each seed's slope over τ is positive.
    /// Judged on the noise levels inside the theorem's conditions (τ·M ≤ 1 among them); the others are shown, not judged. With fewer
    /// than two levels inside, every level is judged and the verdict is marked outside the conditions (it neither confirms nor refutes the paper).
    /// </summary>
    /// <param name="control">The shuffled-labels run (<see cref="ControlsSection.ShuffledLabels"/>): its label-irrelevant energy must not be small.</param>
    public static Verdict Noise(IReadOnlyList<NoisePoint> noise, ControlRun? control = null)
    {
        bool enough = noise.Count >= 2;
        var inside = noise.Where(n => n.InsideTheory != false).ToList();
        bool outsideJudged = inside.Count < 2 && noise.Any(n => n.InsideTheory == false);
        var judged = inside.Count >= 2 ? inside : noise.ToList();
        bool converged = enough && judged.All(n => n.TestLoss <= Thresholds.ConvergedTestLoss);
        string pre = enough
            ? $"the model has converged at every judged noise level: mean test hinge loss ≤ {Thresholds.ConvergedTestLoss} [ours] (measured up to {F(judged.Max(n => n.TestLoss), 4)})"
            : "a noise sweep with at least two levels ran";
        Check measured;
        if (!enough) measured = Check.Missing("no noise sweep");
        else
        {
            var taus = judged.Select(n => n.Noise).ToArray();
            int seeds = judged.Min(n => n.ConcentratedIrrelevantBySeed.Length);
            if (seeds == 0) return Judge(ClaimCatalog.Noise, false, pre, "—", Check.Missing("the sweep's per-seed energies were not recorded"), ControlSetting(control), null);
            var perSeed = Enumerable.Range(0, seeds).Select(s => judged.Select(n => n.ConcentratedIrrelevantBySeed[s]).ToArray()).ToList();
            measured = Check.Of([
                Criterion.Of("largest label-irrelevant energy over τ", perSeed.Select(e => e.Max()), Comparison.AtMost, Thresholds.SmallIrrelevantEnergy,
                    "[ours] \"small\": less than the label-relevant share (the complement of the span criterion); an isotropic update gives 1 − K/d"),
                Criterion.Of("slope of the label-irrelevant energy over τ", perSeed.Select(e => Stats.FitLine(taus, e).Slope), Comparison.Above, 0,
                    "\"grows with τ\": a positive least-squares slope over the noise levels"),
            ], string.Join(", ", noise.Select(n => $"τ={F(n.Noise, 2)}{(n.InsideTheory == false ? $" (outside the theorem's conditions{(outsideJudged ? "" : ": not judged")})" : "")}: {F(n.ConcentratedIrrelevantEnergy, 3)}")) +
               $" (mean over {seeds} seeds; not judged: ΔW_Q input {F(noise[0].IrrelevantEnergy["W_Q"], 3)} → {F(noise[^1].IrrelevantEnergy["W_Q"], 3)})");
        }
        Check? controlCheck = null;
        if (control is not null && ConcentratedSidesBySeed(control.Updates) is var (q, k, v))
            controlCheck = Check.Of([Criterion.Of("label-irrelevant energy on the concentrated sides", q.Select((_, s) => 1 - (q[s] + k[s] + v[s]) / 3),
                Comparison.AtMost, Thresholds.SmallIrrelevantEnergy, "the \"small\" half of the claim")]);
        var verdict = Judge(ClaimCatalog.Noise, converged, pre,
            $"on the concentrated sides (mean of ΔW_Q output, ΔW_K and ΔW_V input) the label-irrelevant energy is ≤ {Thresholds.SmallIrrelevantEnergy} [ours] " +
            "at every τ and grows with τ (positive slope), each over the sweep's seeds — judged on the noise levels inside the theorem's conditions",
            measured, ControlSetting(control), controlCheck);
        return outsideJudged
            ? verdict with { InsideTheory = false, ConditionsBroken = $"fewer than two noise levels inside them, judged on τ = {string.Join(", ", noise.Select(n => F(n.Noise, 2)))}" }
            : verdict;
    }

    /// <summary>[ours, measured independently] The gap rank follows K (per-sample mixing, ΔW_Q and ΔW_K) or the number of classes.</summary>
    public static Verdict RankVsK(IReadOnlyList<LabelRelevantPoint> points)
    {
        bool any = points.Count > 0;
        bool converged = any && points.All(p => p.TestLoss <= Thresholds.ConvergedTestLoss);
        var check = any ? Check.Of(points.SelectMany(p => Qkv.Select(w => RankCriterion(p, w, p.Predicted[w]))).ToList(),
                              string.Join("; ", points.Select(p => $"K={p.K} {p.Mode}: {string.Join("/", Qkv.Select(w => p.Ranks[w]))}")) + " (Q/K/V, median over seeds)")
                        : Check.Missing("no sweep over K");
        // control: per-token data held against the per-sample prediction (K for ΔW_Q and ΔW_K), where the two differ (K > 2)
        var perToken = points.Where(p => p.Mode == SweepsSection.ModeName(MixingMode.PerToken) && p.K > 2).ToList();
        Check? control = perToken.Count == 0 ? null
            : Check.Of(perToken.SelectMany(p => new[] { "W_Q", "W_K" }.Select(w => RankCriterion(p, w, p.K))).ToList());
        var verdict = Judge(ClaimCatalog.RankVsK, converged,
            any ? $"every sweep point has converged: mean test hinge loss ≤ {Thresholds.ConvergedTestLoss} [ours] (measured up to {F(points.Max(p => p.TestLoss), 4)})" : "a sweep over K ran",
            "per sample: K for ΔW_Q and ΔW_K, 2 for ΔW_V; per token: 2 for all (docs/paper-notes.md §4.1); each seed's gap rank equal to it", check,
            "the per-sample prediction (rank K) held against per-token data, where [ours] predicts 2", control);
        // the claim is about K > 2, our generalisation: those points lie outside the theorem's conditions (it has K = 2), and so does the verdict
        var outside = points.Where(p => p.InsideTheory == false).ToList();
        return outside.Count == 0 ? verdict : verdict with
        {
            InsideTheory = false,
            ConditionsBroken = $"judged on sweep points outside them: K = {string.Join(", ", outside.Select(p => p.K).Distinct())}",
        };
    }

    private static Criterion RankCriterion(LabelRelevantPoint p, string w, int predicted) =>
        Criterion.Of($"|gap rank − {predicted}| of Δ{w} at K={p.K} {p.Mode}",
            (p.RanksBySeed.TryGetValue(w, out var r) ? r : [p.Ranks[w]]).Select(x => (double)Math.Abs(x - predicted)), Comparison.AtMost, 0.5,
            "[ours] integer ranks: the mean distance from the prediction, over seeds, below half a rank (0 = every seed equal to it)");

    // ---- claim 2: sparse W_O -------------------------------------------------------------------------------------------

    private const string SeparationReason = "[ours] twice the ≈ 1.5 that an Otsu split of Gaussian (untrained) row norms gives";
    private const string EnrichmentReason = "[ours] enrichment over the base rate: (share − base rate)/(1 − base rate) ≥ 0.5, i.e. luck at initialisation " +
                                            "closes at least half the gap between chance and certainty";

    public static Verdict LuckyNeurons(DataConfig data, Convergence convergence, SparsitySection sparsity, OutputSparsityMean? untrained = null) =>
        Judge(ClaimCatalog.LuckyNeurons, convergence.Converged, convergence.Text,
            $"the large rows' mean norm ≥ {Thresholds.LuckySeparation}× the small rows' and the neurons lucky at init end large far more often than the base " +
            $"rate (the large fraction): enrichment ≥ {Thresholds.LuckyEnrichment} [ours] (expected lucky at init: {F(Predictions.LuckyAtInitFraction(data), 2)} of all), over seeds",
            LuckyCheck(sparsity.BySeed), "the untrained W_O (W(0) read as if trained)", untrained is null ? null : LuckyCheck(untrained));

    public static Check LuckyCheck(OutputSparsityMean s) => Check.Of([
        Criterion.Of("log₁₀ of the large/small row-norm ratio", s.Seeds.Select(x => Math.Log10(Math.Clamp(x.Separation, 1e-6, 1e6))), Comparison.AtLeast,
            Math.Log10(Thresholds.LuckySeparation), SeparationReason + " (on a log scale: one perfectly sparse seed must not swamp the interval)"),
        Criterion.Of("enrichment of large rows among the neurons lucky at init", s.Seeds.Select(x => Enrichment(x.LuckyAtInitThatAreLarge, x.LuckyFraction)),
            Comparison.AtLeast, Thresholds.LuckyEnrichment, EnrichmentReason),
    ], $"{F(s.LuckyAtInitThatAreLarge, 3)} of the neurons lucky at init are large against a base rate of {F(s.LuckyFraction, 3)} large; separation {F(s.Separation, 1)}×");

    /// <summary>One run's lucky-neuron check (the real-data experiment: one seed, so a yes/no on the same two quantities).</summary>
    public static Check LuckyCheck(double separation, double luckyThatEndLarge, double luckyFraction) => new(
        separation >= Thresholds.LuckySeparation && Enrichment(luckyThatEndLarge, luckyFraction) >= Thresholds.LuckyEnrichment,
        $"large rows {F(separation, 1)}× the small ones; {F(luckyThatEndLarge, 3)} of the neurons lucky at init are large against a base rate of " +
        $"{F(luckyFraction, 3)} (enrichment {F(Enrichment(luckyThatEndLarge, luckyFraction), 2)})");

    /// <summary>How far a conditional share rises above its base rate, as a fraction of the way to 1 (0: no enrichment, 1: certain).</summary>
    public static double Enrichment(double share, double baseRate) => baseRate >= 1 ? 0 : (share - baseRate) / (1 - baseRate);

    /// <summary>The other half of claim 2: the rows that were not lucky at initialisation stay small, so the large rows are the lucky ones.</summary>
    public static Verdict UnluckyStaySmall(Convergence convergence, SparsitySection sparsity, OutputSparsityMean? untrained = null) =>
        Judge(ClaimCatalog.UnluckyStaySmall, convergence.Converged, convergence.Text,
            $"the large rows were lucky at init far more often than the base rate (the fraction lucky at init): enrichment ≥ {Thresholds.LuckyEnrichment} [ours], over seeds",
            UnluckyCheck(sparsity.BySeed), "the untrained W_O (W(0) read as if trained)", untrained is null ? null : UnluckyCheck(untrained));

    public static Check UnluckyCheck(OutputSparsityMean s) => Check.Of([
        Criterion.Of("enrichment of lucky-at-init among the large rows", s.Seeds.Select(x => Enrichment(x.LargeThatWereLuckyAtInit, x.LuckyAtInitFraction)),
            Comparison.AtLeast, Thresholds.LuckyEnrichment, EnrichmentReason),
    ], $"{F(s.LargeThatWereLuckyAtInit, 3)} of the large rows were lucky at init against a base rate of {F(s.LuckyAtInitFraction, 3)} lucky at init " +
       $"({F(s.LuckyFraction, 3)} of the rows are large)");

    // ---- claim 3: pruning ----------------------------------------------------------------------------------------------

    private const string FreeReason = "[ours] \"barely changes\": at most 2 % of the hinge at initialisation (≈ 1)";

    public static Verdict MagnitudePruning(Convergence convergence, PruningSection pruning, SparsitySection sparsity)
    {
        double fromInit = Predictions.FreePruningRate(sparsity.LuckyAtInitFractionMean), fitted = Predictions.FreePruningRate(sparsity.LuckyFractionMean);
        var at = AtOrBelow(pruning.Magnitude, fromInit);
        return Judge(ClaimCatalog.MagnitudePruning, convergence.Converged, convergence.Text,
            $"hinge loss within {Thresholds.FreeLoss} and accuracy within {Thresholds.FreeAccuracy * 100:0} point of unpruned up to R = 1 − lucky-at-init fraction " +
            $"= {F(fromInit, 2)} (predicted from W(0), before training; judged at the grid rate R = {F(at?.Rate ?? 0, 2)}); the fraction read off the trained " +
            $"W_O gives {F(fitted, 2)} [ours: fitted, shown only]",
            FreeCheck(pruning.Magnitude, at), "random row order (the random-pruning curve) at the same rate", FreeCheck(pruning.Random, at is null ? null : AtRate(pruning.Random, at.Rate)));
    }

    private static Check FreeCheck(IReadOnlyList<PruningPoint> curve, PruningPoint? at)
    {
        if (at is null || at.Rate <= 0 || curve[0].TestLossBySeed.Length == 0) return Check.Missing("no pruning rate in the grid at or below the prediction");
        var p0 = curve[0];
        return Check.Of([
            Criterion.Of($"test hinge rise at R = {F(at.Rate, 2)}", at.TestLossBySeed.Zip(p0.TestLossBySeed, (a, b) => a - b), Comparison.AtMost, Thresholds.FreeLoss, FreeReason),
            Criterion.Of($"accuracy drop at R = {F(at.Rate, 2)}", p0.TestAccuracyBySeed.Zip(at.TestAccuracyBySeed, (a, b) => a - b), Comparison.AtMost, Thresholds.FreeAccuracy,
                "[ours] one point of accuracy"),
        ], $"largest free R of the mean curve {F(LargestFreeRate(curve), 2)}; hinge {Curve(curve)}");
    }

    public static Verdict RandomPruning(Convergence convergence, PruningSection pruning) =>
        Judge(ClaimCatalog.RandomPruning, convergence.Converged, convergence.Text,
            $"not free: the hinge loss rises by more than the free tolerance {Thresholds.FreeLoss} at R = 0.3, and roughly in proportion to R: " +
            $"a line fits each seed's hinge on R ≤ 0.5 with R² ≥ {Thresholds.LinearFit} [ours], over seeds",
            ProportionalCheck(pruning.Random), "the magnitude order instead of a random one", ProportionalCheck(pruning.Magnitude));

    public static Check ProportionalCheck(IReadOnlyList<PruningPoint> curve)
    {
        var early = curve.Where(p => p.Rate <= 0.5 + 1e-9).ToList();
        var at30 = Nearest(curve, 0.3);
        if (curve[0].TestLossBySeed.Length == 0)
        {   // one run (the real-data experiment): a yes/no on the mean curve
            var fit = Stats.FitLine(early.Select(p => p.Rate).ToList(), early.Select(p => p.TestLoss).ToList());
            double rise = at30.TestLoss - curve[0].TestLoss;
            return new Check(rise >= Thresholds.FreeLoss && fit.RSquared >= Thresholds.LinearFit && fit.Slope > 0,
                $"rise at R={F(at30.Rate, 1)}: {F(rise, 3)}; fit slope {F(fit.Slope, 3)}, R² {F(fit.RSquared, 3)}; hinge {Curve(curve)}");
        }
        int seeds = curve[0].TestLossBySeed.Length;
        var rates = early.Select(p => p.Rate).ToList();
        var fits = Enumerable.Range(0, seeds).Select(s => Stats.FitLine(rates, early.Select(p => p.TestLossBySeed[s]).ToList())).ToList();
        return Check.Of([
            Criterion.Of($"test hinge rise at R = {F(at30.Rate, 1)}", at30.TestLossBySeed.Zip(curve[0].TestLossBySeed, (a, b) => a - b), Comparison.AtLeast,
                Thresholds.FreeLoss, "more than the tolerance under which pruning counts as free"),
            Criterion.Of("R² of a line through the hinge on R ≤ 0.5", fits.Select(f => f.Slope > 0 ? f.RSquared : 0), Comparison.AtLeast, Thresholds.LinearFit,
                "[ours] \"roughly in proportion\": a rising line explains most of the variation"),
        ], $"hinge {Curve(curve)}");
    }

    public static Verdict MagnitudeBeatsRandom(Convergence convergence, PruningSection pruning, double luckyAtInit)
    {
        double upTo = Math.Max(Predictions.FreePruningRate(luckyAtInit), StepOf(pruning.Magnitude));
        return Judge(ClaimCatalog.MagnitudeBeatsRandom, convergence.Converged, convergence.Text,
            $"lower test hinge loss than random pruning on average over the rates 0 < R ≤ {F(upTo, 2)} (1 − lucky-at-init fraction, from W(0)), over seeds",
            BeatsCheck(pruning.Magnitude, pruning.Random, upTo), "largest-first order instead of the magnitude order",
            BeatsCheck(pruning.LargestFirst, pruning.Random, upTo));
    }

    public static Check BeatsCheck(IReadOnlyList<PruningPoint> order, IReadOnlyList<PruningPoint> random, double upTo)
    {
        var compared = order.Zip(random).Where(p => p.First.Rate > 0 && p.First.Rate <= upTo + 1e-9).ToList();
        string rates = string.Join(", ", compared.Select(p => $"R={F(p.First.Rate, 1)}: {F(p.First.TestLoss, 3)} vs {F(p.Second.TestLoss, 3)}"));
        if (compared.Count == 0) return Check.Missing("no pruning rate below the threshold");
        if (order[0].TestLossBySeed.Length == 0) return new Check(compared.All(p => p.First.TestLoss < p.Second.TestLoss), rates);
        int seeds = order[0].TestLossBySeed.Length;
        return Check.Of([Criterion.Of($"random − this order's test hinge, mean over 0 < R ≤ {F(upTo, 2)}",
            Enumerable.Range(0, seeds).Select(s => compared.Average(p => p.Second.TestLossBySeed[s] - p.First.TestLossBySeed[s])), Comparison.Above, 0,
            "\"beats\": a lower hinge than random pruning at the same rates")], rates);
    }

    public static Verdict LargestFirst(Convergence convergence, PruningSection pruning, double luckyAtInit)
    {
        double step = StepOf(pruning.LargestFirst), collapseBy = luckyAtInit + step;
        var at = AtOrAbove(pruning.LargestFirst, collapseBy);
        Check Worst(IReadOnlyList<PruningPoint> curve)
        {
            var point = at is null ? null : AtRate(curve, at.Rate);
            if (point is null || point.TestAccuracyBySeed.Length == 0) return Check.Missing("no pruning rate in the grid at the predicted collapse");
            var later = curve.Zip(pruning.Random).Where(p => p.First.Rate > 0).ToList();
            return Check.Of([
                Criterion.Of($"test accuracy at R = {F(point.Rate, 2)}", point.TestAccuracyBySeed, Comparison.AtMost, Thresholds.CollapsedAccuracy,
                    "[ours] \"collapses\": near chance (0.5 for two balanced classes)"),
                Criterion.Of("this order − random's test hinge, mean over R > 0", Enumerable.Range(0, point.TestLossBySeed.Length)
                    .Select(s => later.Average(p => p.First.TestLossBySeed[s] - p.Second.TestLossBySeed[s])), Comparison.Above, 0, "\"worst case\": above random pruning"),
            ], $"accuracy {Curve(curve, p => p.TestAccuracy)}; hinge {Curve(curve)}");
        }
        return Judge(ClaimCatalog.LargestFirst, convergence.Converged, convergence.Text,
            $"accuracy ≤ {Thresholds.CollapsedAccuracy} once the lucky neurons are gone: by R = lucky-at-init fraction {F(luckyAtInit, 2)} (from W(0)) + one grid step, and the hinge " +
            "above random pruning's, over seeds",
            Worst(pruning.LargestFirst), "the magnitude order (smallest first) instead of largest first", Worst(pruning.Magnitude));
    }

    // ---- claim 4: low-rank truncation and adaption -----------------------------------------------------------------------

    private const string RecoveredReason = "[ours] rank K keeps the generalization error when it recovers at least 90 % of what dropping the attention update (rank 0) costs";

    /// <summary>
    /// Claim 4 on the attention part (issue #23): replacing ΔW_Q, ΔW_K by their best rank-K approximations (ΔW_V and W_O as trained)
    /// keeps the generalization error. Judged by how much of the cost of dropping the attention update (rank 0) rank K recovers, per seed,
    /// so the tolerance scales with what the attention update is worth on this run. Control: a random rank-K projection of the same updates,
    /// which keeps the rank but not the label-relevant directions the theory says the energy sits on.
    /// </summary>
    public static Verdict RankTruncation(DataConfig data, Convergence convergence, LowRankSection lowRank)
    {
        int k = data.NumLabelRelevant;
        var t = lowRank.AttentionTruncation;
        var r0 = t.FirstOrDefault(x => x.R == 0);
        var atK = t.FirstOrDefault(x => x.R == k);
        double full = lowRank.FullTestLossMean;
        bool needed = r0 is not null && Thresholds.AttentionPartNeeded(r0.TestLoss, full);
        var fullBySeed = lowRank.FullTestLossBySeed;
        Check Keeps(RankPoint? p, string what) => p?.TestLossInterval is null || r0?.TestLossInterval is null || fullBySeed.Length == 0
            ? Check.Missing($"{what}: not measured")
            : Check.Of([
                Criterion.Of($"{what}: (h₀ − h) − 0.9·(h₀ − h_full), ≥ 0 when it recovers ≥ 90 % of rank 0's cost",
                    RecoveredBySeed(p.TestLossInterval.Values, r0.TestLossInterval.Values, fullBySeed), Comparison.AtLeast, 0, RecoveredReason),
                Criterion.Of($"accuracy drop of {what}", lowRank.FullTestAccuracyBySeed.Zip(p.TestAccuracyBySeed, (a, b) => a - b), Comparison.AtMost,
                    Thresholds.FreeAccuracy, "[ours] one point of accuracy"),
            ], $"test hinge {Interval(p)}, recovers {F(100 * Recovered(p.TestLoss, r0.TestLoss, full), 1)} % of rank 0's cost (means; full update {F(full, 4)}, rank 0 {F(r0.TestLoss, 4)}); all ranks of ΔW_Q, ΔW_K: " +
               $"{string.Join(", ", t.Select(x => $"r={x.R}: {F(x.TestLoss, 4)}"))}; ΔW_V alone truncated: " +
               $"{string.Join(", ", lowRank.ValueTruncation.Select(x => $"r={x.R}: {F(x.TestLoss, 4)}"))}");
        return Judge(ClaimCatalog.RankTruncation, convergence.Converged && needed,
            $"{convergence.Text}; the attention update matters: ΔW_Q, ΔW_K → 0 (rank 0, ΔW_V and W_O as trained) raises the test hinge by ≥ " +
            $"{Thresholds.AttentionMattersLoss} and ≥ {Thresholds.AttentionMattersRatio}× [ours] (measured {(r0 is null ? "—" : $"{F(r0.TestLoss, 4)} vs {F(full, 4)}")})",
            $"rank K = {k} (K from the data config) recovers ≥ {Thresholds.Recovered * 100:0} % [ours] of what rank 0 costs, accuracy within {Thresholds.FreeAccuracy * 100:0} point, over seeds",
            Keeps(atK, $"best rank {k}"), $"a random rank-{k} projection of ΔW_Q, ΔW_K (same rank, random directions)",
            Keeps(lowRank.AttentionRandomRankK, $"random rank {k}"));
    }

    /// <summary>
    /// Rank-K adapters on the frozen W_Q^(0), W_K^(0), with W_V and the head frozen at their trained values, recover the generalization error
    /// of full training, per seed over the seeds that trained adapters. Control: no adapters (rank 0) — W(0)'s attention with the same frozen W_V and head.
    /// </summary>
    public static Verdict Lora(DataConfig data, Convergence convergence, LowRankSection lowRank)
    {
        int k = data.NumLabelRelevant;
        var r0 = lowRank.AttentionTruncation.FirstOrDefault(x => x.R == 0);
        bool needed = r0 is not null && Thresholds.AttentionPartNeeded(r0.TestLoss, lowRank.FullTestLossMean);
        var adapters = lowRank.LoraAtK.Count > 0 ? lowRank.LoraAtK : lowRank.Lora.Where(x => x.R == k).ToList();
        int n = adapters.Count;
        Check Recovers(double[] loss, string what) => r0?.TestLossInterval is null || n == 0 || lowRank.FullTestLossBySeed.Length < n
            ? Check.Missing($"{what}: not measured")
            : Check.Of([Criterion.Of($"{what}: (h₀ − h) − 0.9·(h₀ − h_full), ≥ 0 when it recovers ≥ 90 % of rank 0's cost",
                RecoveredBySeed(loss, r0.TestLossInterval.Values.Take(n).ToArray(), lowRank.FullTestLossBySeed.Take(n).ToArray()), Comparison.AtLeast, 0,
                RecoveredReason)], $"share recovered (means): {F(100 * Recovered(loss.Average(), r0.TestLossInterval.Values.Take(n).Average(), lowRank.FullTestLossBySeed.Take(n).Average()), 1)} %");
        var main = Recovers(adapters.Select(a => a.TestLoss).ToArray(), $"LoRA r={k} on W_Q, W_K");
        if (n > 0) main = main with { Measured = main.Measured + $". Adapters {F(adapters.Average(a => a.TestLoss), 4)} mean test hinge on {n} seeds " +
            $"({adapters[0].TrainableParameters} trainable parameters); first seed, all ranks: {string.Join(", ", lowRank.Lora.Select(x => $"r={x.R}: {F(x.TestLoss, 4)}"))}" +
            $"; W_O alone trained on W(0) (no adapters, trainable head): hinge {F(lowRank.OutputOnly.TestLoss, 4)}" };
        return Judge(ClaimCatalog.Lora, convergence.Converged && needed,
            convergence.Text + $"; the attention update matters (rank 0 costs ≥ {Thresholds.AttentionMattersLoss} and ≥ {Thresholds.AttentionMattersRatio}× [ours]). " +
            "W_V and the head are frozen at their trained values [ours], so only the adapters can close the gap",
            $"rank-{k} adapters on W_Q, W_K recover ≥ {Thresholds.Recovered * 100:0} % [ours] of what no adapters cost, at equal steps, over {n} seeds",
            main, "no adapters (rank 0): W(0)'s attention with the same frozen W_V and head",
            r0?.TestLossInterval is null ? null : Recovers(r0.TestLossInterval.Values.Take(n).ToArray(), "no adapters"));
    }

    /// <summary>Share of the cost of rank 0 (<paramref name="rank0"/> − <paramref name="full"/>) that a loss of <paramref name="loss"/> recovers.</summary>
    public static double Recovered(double loss, double rank0, double full) => rank0 - full <= 0 ? 0 : (rank0 - loss) / (rank0 - full);

    /// <summary>
    /// Per seed, how much more of rank 0's cost a loss recovers than the bar asks: (h₀ − h) − 0.9·(h₀ − h_full), ≥ 0 exactly when the share
    /// recovered is ≥ 90 % (for a positive cost). A difference, not a ratio: a seed where rank 0 costs almost nothing cannot blow up the interval.
    /// </summary>
    private static IEnumerable<double> RecoveredBySeed(double[] loss, double[] rank0, double[] full) =>
        Enumerable.Range(0, Math.Min(loss.Length, Math.Min(rank0.Length, full.Length)))
            .Select(s => rank0[s] - loss[s] - Thresholds.Recovered * (rank0[s] - full[s]));

    private static string Interval(RankPoint p) => p.TestLossInterval?.Text() ?? $"{F(p.TestLoss, 4)} ± {F(p.TestLossStd, 4)}";

    // ---- sibling result: attention ---------------------------------------------------------------------------------------

    /// <summary>
    /// Attention concentrates on label-relevant tokens: the mass on them grows and ends well above the uniform-attention baseline, which is
    /// the share of label-relevant tokens the data config puts in a sample. Control: the near-uniform initial attention run.
    /// </summary>
    public static Verdict Attention(DataConfig data, Convergence convergence, UpdatesSection updates, ControlRun? uniform = null)
    {
        double baseline = Predictions.UniformAttentionMass(data);
        return Judge(ClaimCatalog.Attention, convergence.Converged && updates.AttentionVsStep.Count > 1, convergence.Text,
            $"the attention mass on label-relevant keys grows during training and ends at least {Thresholds.AttentionGainFactor}× [ours] uniform attention's " +
            $"{F(baseline, 3)} ({UniformText(data)}, from the data config), over seeds",
            AttentionCheck(updates, baseline), $"near-uniform initial attention (W_Q = W_K = {ControlsSection.UniformScale}·I)",
            uniform is null ? null : AttentionCheck(uniform.Updates, baseline));
    }

    public static Check AttentionCheck(UpdatesSection updates, double baseline)
    {
        var a = updates.AttentionVsStep;
        if (a.Count < 2) return Check.Missing("no snapshots");
        return Check.Of([
            Criterion.Of("final attention mass / uniform attention's", a[^1].BySeed.Select(m => m / baseline), Comparison.AtLeast, Thresholds.AttentionGainFactor,
                "[ours] \"concentrates\": at least twice what uniform attention puts on label-relevant keys"),
            Criterion.Of("growth of the attention mass (final − initial)", a[^1].BySeed.Zip(a[0].BySeed, (f, i) => f - i), Comparison.Above, 0,
                "\"during training\": the mass grows"),
        ], $"{F(a[0].Mean, 3)} at step 0 → {F(a[^1].Mean, 3)} at step {a[^1].Step} (uniform: {F(baseline, 3)})");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    private static string UniformText(DataConfig data) => data.TokenCounts == TokenCounts.Random
        ? $"the average share of label-relevant tokens when each of the {data.Tokens} tokens is one with probability α* = {data.RelevantFraction}"
        : $"= {data.RelevantTokens} label-relevant of {data.Tokens} tokens";

    private static double ChanceShare(DataConfig data) => data.NumLabelRelevant / (double)data.Dim;

    private static string GapText(IReadOnlyDictionary<string, int> g) => string.Join(", ", Qkv.Select(w => $"{g[w]} for Δ{w}"));

    /// <summary>Largest rate R such that every rate up to R keeps the mean hinge loss and accuracy within tolerance of R = 0.</summary>
    public static double LargestFreeRate(IReadOnlyList<PruningPoint> curve)
    {
        double free = 0;
        foreach (var p in curve.OrderBy(p => p.Rate))
        {
            if (p.TestLoss - curve[0].TestLoss > Thresholds.FreeLoss || curve[0].TestAccuracy - p.TestAccuracy > Thresholds.FreeAccuracy) break;
            free = p.Rate;
        }
        return free;
    }

    /// <summary>Pruning along <paramref name="curve"/> stays free (mean curve) up to <paramref name="rate"/>, within one grid step of it.</summary>
    public static bool ReachesRate(IReadOnlyList<PruningPoint> curve, double rate) => LargestFreeRate(curve) >= rate - StepOf(curve) - 1e-9;

    private static Verdict Judge(ClaimEntry claim, bool preconditionMet, string precondition, string predicted, Check measured, string controlSetting, Check? control) =>
        new(claim.Id, claim.Title, claim.Tag, precondition, predicted, measured.Measured,
            !preconditionMet ? VerdictStatus.NotApplicable : measured.Outcome,
            control is null ? null : new VerdictControl(controlSetting, control.Measured, preconditionMet ? control.Outcome : VerdictStatus.NotApplicable))
        { Criteria = measured.Criteria };

    /// <summary>What a control run is, for the claims that take a <see cref="ControlRun"/>: shuffled training labels, or else a saturated initial attention.</summary>
    private static string ControlSetting(ControlRun? run) => run is { LabelsShuffled: true }
        ? $"shuffled training labels (within each class a seeded random half labelled +1: no pattern carries the label; {run.Sparsity.Seeds.Count} seeds), test hinge {F(run.TestLossMean, 4)} on the true test labels"
        : Saturated(run);

    private static string Saturated(ControlRun? run) =>
        $"saturated initial attention (W_Q = W_K = {F(run?.QkInitScale ?? ControlsSection.SaturatedScale, 2)}·I = 1.5 κ_sat, at least {ControlsSection.SaturatedScale} [ours]){(run is null ? "" : $", test hinge {F(run.TestLossMean, 4)}")}";

    /// <summary>Each seed's label-relevant energy on the concentrated sides; null when a side was not measured per seed.</summary>
    private static (double[] Q, double[] K, double[] V)? ConcentratedSidesBySeed(UpdatesSection updates) =>
        updates.Weights["W_Q"].LabelRelevantEnergyOutputBySeed is { Length: > 0 } q && updates.Weights["W_K"].LabelRelevantEnergyBySeed.Length > 0
            ? (q, updates.Weights["W_K"].LabelRelevantEnergyBySeed, updates.Weights["W_V"].LabelRelevantEnergyBySeed) : null;

    private static double StepOf(IReadOnlyList<PruningPoint> curve) => curve.Count > 1 ? curve[1].Rate - curve[0].Rate : 0.1;

    private static PruningPoint Nearest(IReadOnlyList<PruningPoint> curve, double rate) => curve.MinBy(p => Math.Abs(p.Rate - rate))!;

    private static PruningPoint? AtRate(IReadOnlyList<PruningPoint> curve, double rate) => curve.FirstOrDefault(p => Math.Abs(p.Rate - rate) < 1e-9);

    /// <summary>The largest grid rate at or below <paramref name="rate"/>.</summary>
    private static PruningPoint? AtOrBelow(IReadOnlyList<PruningPoint> curve, double rate) => curve.Where(p => p.Rate <= rate + 1e-9).MaxBy(p => p.Rate);

    /// <summary>The smallest grid rate at or above <paramref name="rate"/>.</summary>
    private static PruningPoint? AtOrAbove(IReadOnlyList<PruningPoint> curve, double rate) => curve.Where(p => p.Rate >= rate - 1e-9).MinBy(p => p.Rate);

    private static string Curve(IReadOnlyList<PruningPoint> curve, Func<PruningPoint, double>? value = null) =>
        List(curve.Select(value ?? (x => x.TestLoss)), 3);

    private static string Ranks(int[] ranks) => ranks.Distinct().Count() == 1 ? $"{ranks[0]} (all {ranks.Length} seeds)" : "[" + string.Join(", ", ranks) + "]";
}

/// <summary>What <see cref="Claims.CheckAll"/> reads: the data config, the convergence of the trained seeds, the analyses and the controls.</summary>
public sealed record ClaimInputs(DataConfig Data, Convergence Convergence, UpdatesSection Updates, SparsitySection Sparsity, PruningSection Pruning,
    LowRankSection LowRank, SweepsSection Sweeps, ControlsSection? Controls, AttentionMattersSection? AttentionMatters = null,
    IReadOnlyList<TheoryCondition>? Conditions = null);
