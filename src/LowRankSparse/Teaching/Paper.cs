using LowRankSparse.Config;
using LowRankSparse.Data;
using LowRankSparse.Experiments;
using LowRankSparse.LowRank;
using LowRankSparse.Model;
using LowRankSparse.Training;
using LowRankSparse.Verdicts;

namespace LowRankSparse.Teaching;

/// <summary>
/// The teaching façade (issue #22): a notebook opens the library with one line, <c>using LowRankSparse.Teaching;</c>, and reads
/// like the paper. This folder adds no science: every member delegates to the library's own code, so a notebook and
/// <c>reproduce</c> compute the same numbers. <see cref="Paper"/> holds the experiment itself: the configuration, the data model
/// (patterns and samples), training the one-layer transformer and evaluating it; see also <see cref="Spectrum"/>,
/// <see cref="Prune"/>, <see cref="Measure"/>, <see cref="Check"/> and <see cref="Plot"/>.
/// </summary>
public static class Paper
{
    /// <summary>A shipped configuration by name ("quick", "default", "easy", …) with <c>section.key=value</c> overrides; a value
    /// that breaks a rule of the theory is refused with a message naming the field (<see cref="ConfigFiles.Load"/>).</summary>
    public static ExperimentConfig Config(string name, params string[] overrides) => ConfigFiles.Load(name, overrides);

    /// <summary>The M orthonormal patterns μ_1 … μ_M of the configuration (the first K are label-relevant).</summary>
    public static PatternSet Patterns(ExperimentConfig config) => PatternSet.Create(config.Data, config.DataSeed);

    /// <summary><paramref name="count"/> samples X = [x_1 … x_L] with labels y = ±1, drawn from the data model.</summary>
    public static Dataset Samples(DataConfig data, PatternSet patterns, int count, int seed) =>
        DataGenerator.Generate(data, patterns, count, seed);

    /// <summary>The exact average numbers of label-relevant and confusion tokens under the random-counts law.</summary>
    public static RandomCountsLaw TokenCounts(DataConfig data) => RandomCountsLaw.Of(data);

    /// <summary>Trains the network on the hinge loss with mini-batch SGD (<see cref="Trainer.Train"/>).</summary>
    public static TrainingRun Train(ExperimentConfig config) => Trainer.Train(config);

    /// <summary>The same training for <paramref name="seeds"/> seeds (seed s: training seed + s), as <c>reproduce</c> does.</summary>
    public static IReadOnlyList<TrainingRun> Train(ExperimentConfig config, int seeds) => SeedRuns.Train(config, seeds);

    /// <summary>The same training written as the formula: optim.SGD, zero_grad, backward, step, one step at a time (<see cref="Trainer.Readable(ExperimentConfig, Sgd?, Action{int}?, CancellationToken)"/>).</summary>
    public static TrainingRun TrainStepByStep(ExperimentConfig config) => Trainer.Readable(config);

    /// <summary>LoRA adapters of rank <paramref name="r"/> on a trained run: W = W(0) + (α/r)·B·A (<see cref="LoraTraining"/>).</summary>
    public static LoraTraining.Result TrainLora(TrainingRun run, int r, double alpha) => LoraTraining.Train(run, new LoraConfig(r, alpha));

    /// <summary>Test hinge loss and accuracy of the network with <paramref name="weights"/> and read-out <paramref name="a"/>.</summary>
    public static Evaluation Evaluate(Weights weights, double[] a, Dataset data) => Evaluation.Of(weights, a, data);

    /// <summary>Every name the report and results.json use: what it means, its formula, the paper's symbol, its tag.</summary>
    public static IReadOnlyList<GlossaryTerm> Glossary => Verdicts.Glossary.Terms;

    /// <summary>The paper's symbols and the config keys that set them.</summary>
    public static IReadOnlyList<ConfigSymbol> ConfigKeys => Verdicts.Glossary.ConfigKeys;
}
