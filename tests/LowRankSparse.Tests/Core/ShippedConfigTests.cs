using LowRankSparse.Config;
using LowRankSparse.Util;

namespace LowRankSparse.Tests.Core;

/// <summary>Issue #25: the shipped configs are embedded in the library, so a notebook or an exported app finds them from any folder.</summary>
public class ShippedConfigTests
{
    [Fact]
    public void Every_file_in_data_configs_is_embedded_with_the_same_text()
    {
        var files = Directory.GetFiles(TestPaths.Configs, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, ConfigFiles.EmbeddedNames);
        foreach (string name in files)
            Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Configs, name + ".json")), ConfigFiles.Embedded(name + ".json"));
    }

    [Fact]
    public void The_embedded_copy_loads_like_the_file_with_overrides_and_a_missing_name_is_bad_input()
    {
        var fromFile = ConfigLoader.Load(TestPaths.QuickConfig, ["training.steps=7"]);
        // what ConfigLoader.Load does for a bare name no file answers (an exported app run from another folder; see ExportedAppTests)
        var embedded = ConfigLoader.FromJson(ConfigFiles.Embedded("quick")!, "embedded quick", ["training.steps=7"]);
        Assert.Equal(7, embedded.Training.Steps);
        Assert.Equal(ConfigLoader.ToJson(fromFile), ConfigLoader.ToJson(embedded));
        Assert.Null(ConfigFiles.Embedded("no-such-config"));
        var e = Assert.Throws<ConfigException>(() => ConfigFiles.Load("no-such-config"));
        Assert.Contains("'no-such-config' does not exist", e.Message);
    }
}
