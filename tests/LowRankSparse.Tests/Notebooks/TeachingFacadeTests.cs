using LowRankSparse.Pruning;
using LowRankSparse.Teaching;

namespace LowRankSparse.Tests.Notebooks;

/// <summary>
/// The notebooks' façade (src/LowRankSparse/Teaching) adds names, not science: its pruning methods are the library's, one for one,
/// and every type it declares lives in the one namespace a notebook imports. The notebooks themselves (TeachingNotebookTests) run
/// every façade call a cell makes and compare the cells written by hand with the library.
/// </summary>
public class TeachingFacadeTests
{
    [Fact]
    public void Each_pruning_method_of_the_facade_is_the_librarys_method_of_the_same_name()
    {
        Assert.Equal(Enum.GetNames<PruneMethod>(), Enum.GetNames<Method>());
        foreach (var method in Enum.GetValues<Method>())
            Assert.Equal(method.ToString(), ((PruneMethod)method).ToString());
    }

    [Fact]
    public void The_facade_is_one_namespace_of_static_classes_and_one_enum()
    {
        var types = typeof(Paper).Assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("LowRankSparse.Teaching") == true).ToList();
        Assert.All(types, t => Assert.Equal("LowRankSparse.Teaching", t.Namespace));
        Assert.All(types, t => Assert.True(t.IsEnum || t.IsAbstract && t.IsSealed, $"{t.Name} holds state"));   // static class: abstract + sealed
        Assert.Contains(types, t => t.Name == "Paper");
    }
}
