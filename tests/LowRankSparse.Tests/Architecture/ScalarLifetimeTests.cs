using LowRankSparse.Util;
using Mono.Cecil;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LowRankSparse.Tests.Architecture;

/// <summary>
/// No Scalar made on the fly reaches libtorch (Util/Scalars.cs explains the race: TorchSharp 0.107 frees a Scalar in its finalizer,
/// so one that is unreachable during the native call can be freed under libtorch when another thread collects garbage; a phase grid
/// with both cores busy crashed that way). Read from the compiled IL of every LowRankSparse assembly: no implicit conversion to
/// <see cref="Scalar"/>, and no call into a TorchSharp method that makes a Scalar itself, directly or through other TorchSharp methods
/// (e.g. <c>Tensor + Tensor</c>, which passes alpha = 1; <c>Tensor * double</c>; <c>softplus</c>).
/// </summary>
public sealed class ScalarLifetimeTests(ITestOutputHelper output)
{
    private static readonly Lazy<HashSet<string>> MakesScalars = new(ScalarMakingMethods);

    [Fact]
    public void No_LowRankSparse_assembly_hands_libtorch_a_Scalar_that_may_be_finalized_during_the_call()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "LowRankSparse*.dll")
            .Where(p => !Path.GetFileName(p).StartsWith("LowRankSparse.Tests", StringComparison.Ordinal)).ToList();
        Assert.Contains(assemblies, p => Path.GetFileName(p) == "LowRankSparse.dll");
        var calls = assemblies.SelectMany(p => OnTheFlyScalars(AssemblyDefinition.ReadAssembly(p))).ToList();
        foreach (var c in calls) output.WriteLine(c);
        Assert.True(calls.Count == 0, $"{calls.Count} call(s) pass libtorch a Scalar nothing keeps alive (use Util.Scalars or " +
                                      $"`using var s = x.ToScalar()`):\n{string.Join("\n", calls)}");
    }

    /// <summary>The control: the scan finds each kind of call in this test assembly's <see cref="Racy"/> examples.</summary>
    [Fact]
    public void The_scan_finds_implicit_conversions_and_TorchSharp_operators_that_make_Scalars()
    {
        var tests = AssemblyDefinition.ReadAssembly(typeof(ScalarLifetimeTests).Assembly.Location);
        var found = OnTheFlyScalars(tests).Where(c => c.Contains(nameof(Racy), StringComparison.Ordinal)).ToList();
        foreach (var c in found) output.WriteLine(c);
        Assert.Contains(found, c => c.Contains("Scalar::op_Implicit") && c.Contains(nameof(Racy.Compare)));
        Assert.Contains(found, c => c.Contains("Tensor::op_Multiply") && c.Contains(nameof(Racy.Scale)));
        Assert.Contains(found, c => c.Contains("Tensor::op_Addition") && c.Contains(nameof(Racy.Sum)));
        Assert.DoesNotContain(found, c => c.Contains(nameof(Racy.Kept)));
    }

    /// <summary>Examples for the control above; never called.</summary>
    private static class Racy
    {
        public static Tensor Compare(Tensor t) => t < 1;
        public static Tensor Scale(Tensor t) => t * 0.5;
        public static Tensor Sum(Tensor t, Tensor u) => t + u;
        public static Tensor Kept(Tensor t, Tensor u) => t.lt(Scalars.One).mul(u.add(u, Scalars.One));
    }

    private static IEnumerable<string> OnTheFlyScalars(AssemblyDefinition assembly) =>
        from type in assembly.MainModule.GetTypes()
        from method in type.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        let callee = instruction.Operand as MethodReference
        where callee is not null && (IsImplicitScalar(callee) || MakesScalars.Value.Contains(callee.FullName))
        select $"{method.FullName} calls {callee.FullName}";

    private static bool IsImplicitScalar(MethodReference m) => m.DeclaringType.FullName == typeof(Scalar).FullName && m.Name == "op_Implicit";

    private static bool ToScalar(MethodReference m) =>
        IsImplicitScalar(m) || (m.DeclaringType.Name == nameof(ScalarExtensionMethods) && m.Name.StartsWith("To", StringComparison.Ordinal)
                                && m.Name.EndsWith("Scalar", StringComparison.Ordinal));

    /// <summary>TorchSharp methods that make a Scalar, directly or by calling one that does (a fixed point over its call graph).</summary>
    private static HashSet<string> ScalarMakingMethods()
    {
        var torchSharp = AssemblyDefinition.ReadAssembly(typeof(Scalar).Assembly.Location);
        var methods = torchSharp.MainModule.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
        var result = methods.Where(m => m.Body.Instructions.Any(i => i.Operand is MethodReference r && ToScalar(r)))
            .Select(m => m.FullName).ToHashSet();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var m in methods)
                if (!result.Contains(m.FullName) && m.Body.Instructions.Any(i => i.Operand is MethodReference r && result.Contains(r.FullName)))
                    grew = result.Add(m.FullName) | grew;
        }
        return result;
    }
}
