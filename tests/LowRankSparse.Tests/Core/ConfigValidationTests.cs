using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Core;

/// <summary>Every bad config is rejected up front with a message naming the field, the value and what is allowed.</summary>
public class ConfigValidationTests
{
    [Theory]
    [InlineData("data.dim=-3", "data.dim = -3", "positive")]
    [InlineData("data.dim=8", "data.num_patterns = 16", "≤ data.dim")]
    [InlineData("data.num_patterns=0", "data.num_patterns = 0", "positive")]
    [InlineData("data.num_label_relevant=3", "data.num_label_relevant = 3", "even")]
    [InlineData("data.num_label_relevant=16", "data.num_label_relevant = 16", "< data.num_patterns")]
    [InlineData("data.tokens=0", "data.tokens = 0", "positive")]
    [InlineData("data.relevant_fraction=1.5", "data.relevant_fraction = 1.5", "[0, 1]")]
    [InlineData("data.confusion_fraction=-0.1", "data.confusion_fraction = -0.1", "[0, 1]")]
    [InlineData("data.relevant_fraction=0.1", "data.relevant_fraction = 0.1", "> data.confusion_fraction")]
    [InlineData("data.confusion_fraction=0.8", "relevant_fraction + data.confusion_fraction = 1.1", "≤ 1")]
    [InlineData("data.noise=-1", "data.noise = -1", "≥ 0")]
    [InlineData("data.train_samples=0", "data.train_samples = 0", "positive")]
    [InlineData("data.test_samples=7", "data.test_samples = 7", "even")]
    [InlineData("model.neurons=-5", "model.neurons = -5", "positive")]
    [InlineData("model.output_init_std=0", "model.output_init_std = 0", "> 0")]
    [InlineData("training.learning_rate=0", "training.learning_rate = 0", "> 0")]
    [InlineData("training.batch_size=0", "training.batch_size = 0", "positive")]
    [InlineData("training.batch_size=5000", "training.batch_size = 5000", "≤ data.train_samples")]
    [InlineData("training.steps=-1", "training.steps = -1", "≥ 1")]
    [InlineData("training.steps=0", "training.steps = 0", "≥ 1")]
    [InlineData("training.seed=-2", "training.seed = -2", "≥ 0")]
    [InlineData("training.steps=100000", "training.snapshot_every = 5", "use training.snapshot_every ≥ 50")]
    public void Out_of_range_values_name_the_field_value_and_allowed_range(string set, string field, string allowed)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(TestPaths.EasyConfig, new[] { set }));
        Assert.Contains(field, e.Message);
        Assert.Contains(allowed, e.Message);
    }

    [Theory]
    [InlineData("{\"data\": {\"dimm\": 3}}", "unknown key 'data.dimm'")]
    [InlineData("{\"optimizer\": {}}", "unknown key 'optimizer'")]
    [InlineData("{\"data\": {\"dim\": \"big\"}}", "data.dim = \"big\": wrong type, expected an integer")]
    [InlineData("{\"data\": {\"noise\": [1]}}", "data.noise = [1]: wrong type, expected a number")]
    [InlineData("{\"data\": {\"noise_kind\": \"uniform\"}}", "data.noise_kind = \"uniform\": wrong type, expected one of \"sphere\", \"gaussian\"")]
    [InlineData("{\"data\": {\"num_patterns\": \"many\"}}", "data.num_patterns = \"many\": wrong type, expected an integer")]
    [InlineData("{\"model\": {\"init_noise\": \"none\"}}", "model.init_noise = \"none\": wrong type, expected a number")]
    [InlineData("{\"model\": {\"value_dim\": 2.5}}", "model.value_dim = 2.5: wrong type, expected an integer or null")]
    [InlineData("{\"data\": {\"mixing\": \"both\"}}", "data.mixing = \"both\": wrong type, expected one of \"per_sample\", \"per_token\"")]
    [InlineData("{\"data\": 5}", "'data' must be an object")]
    [InlineData("{\"data_seed\": 42}", "data_seed = 42: derived from training.seed × 7919 + 1, cannot be set; set training.seed")]
    [InlineData("{\"test_seed\": 1}", "test_seed = 1: derived from training.seed × 7919 + 2")]
    [InlineData("{\"init_seed\": 1}", "init_seed = 1: derived from training.seed × 7919 + 3")]
    [InlineData("{\"batch_seed\": 1}", "batch_seed = 1: derived from training.seed × 7919 + 4")]
    [InlineData("[1, 2]", "top level must be a JSON object")]
    [InlineData("{\"data\": {\"dim\": 16,,}}", "not valid JSON (line 1")]
    public void Malformed_files_get_a_named_error(string json, string expected)
    {
        string path = Path.Combine(TestPaths.NewTempDir("config"), "bad.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("training.steps", "expected section.key=value")]
    [InlineData("=3", "expected section.key=value")]
    [InlineData("training.step=3", "unknown key 'training.step'")]
    [InlineData("steps=3", "unknown key 'steps'")]
    public void Bad_overrides_get_a_named_error(string set, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(TestPaths.EasyConfig, new[] { set }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load("no/such/config.json"));
        Assert.Contains("'no/such/config.json' does not exist", e.Message);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(TestPaths.EasyConfig, new[] { "data.dim=-1", "training.learning_rate=-2" }));
        Assert.Contains("data.dim = -1", e.Message);
        Assert.Contains("training.learning_rate = -2", e.Message);
    }

    [Fact]
    public void Config_round_trips_through_json_and_overrides_apply()
    {
        var config = ConfigLoader.Load(TestPaths.EasyConfig, new[] { "data.noise_kind=gaussian", "training.steps=123", "model.value_dim=20" });
        Assert.Equal(123, config.Training.Steps);
        Assert.Equal(LowRankSparse.Data.NoiseKind.Gaussian, config.Data.NoiseKind);
        var again = ConfigLoader.FromJson(ConfigLoader.ToJson(config));
        Assert.Equal(config, again with { Data = again.Data, Model = again.Model, Training = again.Training });
        Assert.Equal(config.Data, again.Data);
        Assert.Equal(config.Model, again.Model);
        Assert.Equal(config.Training, again.Training);
    }

    [Fact]
    public void Shipped_configs_are_valid_and_keys_left_out_keep_defaults()
    {
        Assert.Equal(500, ConfigLoader.Load(TestPaths.EasyConfig).Training.Steps);
        Assert.True(ConfigLoader.Load(TestPaths.EasyQuickConfig).Data.TrainSamples < 4000);
        string path = Path.Combine(TestPaths.NewTempDir("config"), "partial.json");
        File.WriteAllText(path, "{\"training\": {\"steps\": 10}}");
        var partial = ConfigLoader.Load(path);
        Assert.Equal(10, partial.Training.Steps);
        Assert.Equal(new LowRankSparse.Data.DataConfig(), partial.Data);
    }

    [Fact]
    public void A_shipped_config_can_be_given_by_name_and_derived_seeds_are_not_part_of_the_json()
    {
        Assert.Equal(ConfigLoader.Load(TestPaths.QuickConfig), ConfigLoader.Load("quick"));
        Assert.Equal(ConfigLoader.Load(TestPaths.QuickConfig), ConfigLoader.Load("quick.json"));
        Assert.Equal(ConfigLoader.Load(TestPaths.EasyQuickConfig), ConfigLoader.Load("easy-quick"));
        Assert.DoesNotContain("data_seed", ConfigLoader.ToJson(ConfigLoader.Load("quick")));
    }

    [Fact]
    public void Default_names_the_theory_regime_and_easy_the_earlier_default()
    {
        Assert.Equal(ConfigLoader.Load(TestPaths.TheoryConfig), ConfigFiles.Load("default"));
        Assert.Equal(LowRankSparse.Data.TokenCounts.Random, ConfigFiles.Load("default").Data.TokenCounts);
        Assert.Equal(LowRankSparse.Data.TokenCounts.Fixed, ConfigFiles.Load("easy").Data.TokenCounts);
    }

    [Theory]
    [InlineData("data.token_counts=sometimes", "data.token_counts")]
    [InlineData("data.relevant_fraction=0.03", "data.relevant_fraction")]   // random counts, L = 40, α# = 0.025: only 41 % of draws have a majority
    public void Bad_token_count_settings_are_named(string setting, string field)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFiles.Load("theory", setting));
        Assert.Contains(field, e.Message);
    }
}
