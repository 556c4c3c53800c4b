using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowRankSparse.Util;

/// <summary>
/// Makes libtorch's MKL give the same bits run after run: MKL picks its code path per call (memory alignment, threads in flight), so
/// without its Conditional Numerical Reproducibility two identical runs differed in the last bits of evaluations on larger tensors
/// (measured: a phase grid on quick.json run twice, test hinge 0.42309433 vs 0.42309436 in one cell; identical with MKL_CBWR set, in
/// two of two pairs of runs). MKL reads MKL_CBWR when it first initialises, so it is set in the native environment (.NET's
/// Environment.SetEnvironmentVariable does not reach it) when this library loads, before its first torch call. "AUTO" keeps the
/// fastest instruction set this processor has; a value the user set is left alone. Linux/glibc only; a no-op elsewhere. Measured here
/// (AMD EPYC, load ≈ 1.5): "COMPATIBLE" is also bit-identical run to run and trains theory.json faster (462–475 against 325–348 steps/s),
/// but the default reproduce took 102.2 s with it against 85.7 s with "AUTO" (its Fashion-MNIST stage 38.7 against 23.1 s), one run each.
/// </summary>
public static class ReproducibleMath
{
    public const string Variable = "MKL_CBWR", Value = "AUTO";

#pragma warning disable CA2255 // a module initializer is the only hook that runs before a notebook's or app's first torch call
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Ensure();

    /// <summary>Sets MKL_CBWR=AUTO in the process's native environment unless it is already set; idempotent.</summary>
    public static void Ensure()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            setenv(Variable, Value, 0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // not glibc: MKL keeps its defaults
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv(string name, string value, int overwrite);
}
