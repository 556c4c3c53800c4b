using System.Text.Json.Nodes;

namespace LowRankSparse.Tests.Interactive;

/// <summary><c>kernel install</c> also takes the notebooks' kernel name (.net-csharp) unless Microsoft's kernel has it.</summary>
public sealed class KernelSpecAliasTests
{
    [Fact]
    public void Install_adds_the_net_csharp_name_when_no_kernel_has_it_and_uninstall_removes_it()
    {
        string folder = TestPaths.NewTempDir("alias");
        var environment = Environment(folder);
        var install = CliProcess.Run(folder, environment, "kernel", "install");
        Assert.True(install.ExitCode == 0, install.Output);
        string alias = Path.Combine(folder, "data", "kernels", ".net-csharp", "kernel.json");
        var argv = JsonNode.Parse(File.ReadAllText(alias))!["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.EndsWith("LowRankSparse.Cli.dll", argv[1]);

        var uninstall = CliProcess.Run(folder, environment, "kernel", "uninstall");
        Assert.True(uninstall.ExitCode == 0, uninstall.Output);
        Assert.False(File.Exists(alias));
    }

    [Fact]
    public void Install_keeps_Microsofts_net_csharp_kernelspec()
    {
        string folder = TestPaths.NewTempDir("alias-kept");
        string theirs = Path.Combine(folder, "path", "kernels", ".net-csharp", "kernel.json");
        Directory.CreateDirectory(Path.GetDirectoryName(theirs)!);
        const string microsofts = """{"argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(theirs, microsofts);
        var environment = Environment(folder);
        environment["JUPYTER_PATH"] = Path.Combine(folder, "path");

        var install = CliProcess.Run(folder, environment, "kernel", "install");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("kept the existing '.net-csharp'", install.Output);
        Assert.False(Directory.Exists(Path.Combine(folder, "data", "kernels", ".net-csharp")));
        Assert.Equal(microsofts, File.ReadAllText(theirs));
        Assert.True(File.Exists(Path.Combine(folder, "data", "kernels", "lowranksparse-csharp", "kernel.json")));
    }

    private static Dictionary<string, string> Environment(string folder) => new()
    {
        ["JUPYTER_DATA_DIR"] = Path.Combine(folder, "data"),
        ["JUPYTER_PATH"] = Path.Combine(folder, "empty"),
    };
}
