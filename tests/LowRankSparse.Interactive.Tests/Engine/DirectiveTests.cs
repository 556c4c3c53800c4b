using LowRankSparse.Interactive.Engine;

namespace LowRankSparse.Interactive.Tests;

[Collection(NotebookCollection.Name)]
public sealed class DirectiveTests
{
    [Fact]
    public void Known_nuget_packages_are_satisfied_and_line_numbers_do_not_move()
    {
        using var session = new EngineSession();
        var (result, _) = session.Run("#!csharp\n#r \"nuget: Chart.Lib-all, 1.2.3\"\n#r \"nuget:chart.lib\"\nthrow new Exception(\"line four\");");
        Assert.Equal(4, result.Error!.Line);
    }

    [Fact]
    public void An_unknown_nuget_package_is_a_clear_error_and_never_a_download()
    {
        using var session = new EngineSession();
        var (result, _) = session.Run("#r \"nuget: Newtonsoft.Json, 13.0.3\"\n1");
        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Equal(1, result.Error!.Line);
        Assert.StartsWith("unknown package 'Newtonsoft.Json': this runner never downloads; available: Chart.Lib, Chart.Lib-all, Chart.Lib.Natives, TestLibrary", result.Error.Value);
        using var bare = new EngineSession(host: PlainHost.Instance);          // no host: no package
        Assert.EndsWith("available: none", bare.Run("#r \"nuget: Chart.Lib\"").Result.Error!.Value);
    }

    [Fact]
    public void A_path_to_an_assembly_already_loaded_uses_the_loaded_copy()
    {
        string folder = TestPaths.NewTempDir("directives");
        using var session = new EngineSession(folder);
        // The file does not exist here: the loaded contracts assembly satisfies it (no second copy is loaded).
        var (result, _) = session.Run("#r \"../src/LowRankSparse.Hosting/bin/Debug/net10.0/LowRankSparse.Hosting.dll\"\nvar n = typeof(LowRankSparse.Hosting.ChartAssets).Name;");
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Single(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "LowRankSparse.Hosting");
    }

    [Fact]
    public void A_missing_assembly_file_is_a_clear_error()
    {
        using var session = new EngineSession(TestPaths.NewTempDir("directives"));
        var (result, _) = session.Run("#r \"lib/Nowhere.dll\"");
        Assert.Equal("DirectiveError", result.Error!.Name);
        Assert.Contains("file not found", result.Error.Value);
        Assert.Contains("Nowhere.dll", result.Error.Value);
        Assert.DoesNotContain("dotnet build", result.Error.Value);

        var (unbuilt, _) = session.Run("#r \"../src/Mine/bin/Debug/net10.0/Mine.dll\"");
        Assert.Contains("file not found", unbuilt.Error!.Value);
        Assert.Contains("run `dotnet build` in the repository root first", unbuilt.Error.Value);
    }

    [Fact]
    public void A_magic_for_another_language_is_rejected_and_harmless_magics_are_stripped()
    {
        Assert.Throws<DirectiveException>(() => CellDirectives.Parse("#!fsharp\nlet x = 1"));
        var parsed = CellDirectives.Parse("#!about\n#!time\nvar x = 1;\n");
        Assert.Equal(["", "", "var x = 1;", ""], parsed.Code.Split('\n').Select(l => l.Trim()));
        Assert.Equal("#!about\n#!time\nvar x = 1;\n".Length, parsed.Code.Length);
    }
}
