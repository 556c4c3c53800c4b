using System.Text.Json.Serialization;
using LowRankSparse.Data;
using LowRankSparse.Model;
using LowRankSparse.Util;

namespace LowRankSparse.Training;

/// <summary>A whole experiment: data model, network and training. Loaded from JSON (snake_case) by <c>Config.ConfigLoader</c>.</summary>
public sealed record ExperimentConfig
{
    /// <summary>Free text saying what this configuration is for (shown in reports).</summary>
    public string? Description { get; init; }
    public DataConfig Data { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();

    /// <summary>Throws <see cref="ConfigException"/> listing every problem (field, value, allowed range).</summary>
    public ExperimentConfig Validated()
    {
        var v = new Validator();
        Data.Validate(v);
        Model.Validate(v);
        Training.Validate(v, Data.TrainSamples);
        v.ThrowIfAny();
        return this;
    }

    // Derived from training.seed, so not part of the JSON: a config that sets them is refused (ConfigLoader.DerivedKeys);
    // results.json records their values under provenance.seeds.
    [JsonIgnore] public int DataSeed => Training.Seed * 7919 + 1;
    [JsonIgnore] public int TestSeed => Training.Seed * 7919 + 2;
    [JsonIgnore] public int InitSeed => Training.Seed * 7919 + 3;
    [JsonIgnore] public int BatchSeed => Training.Seed * 7919 + 4;
}
