using LowRankSparse.Tests.Interactive;

namespace LowRankSparse.Tests.Hosts;

/// <summary>
/// The programs the host tests drive: headless Chromium, Debian's python3 with nbclient and nbconvert, and Microsoft's
/// dotnet-interactive tool (restored from .config/dotnet-tools.json). Outside CI a test skips when one is missing; in CI
/// (CI=true, see .ci/run, which installs them) it runs and fails instead.
/// </summary>
internal static class HostTools
{
    public const string Install = "apt-get install chromium poppler-utils python3-nbclient python3-nbconvert python3-jupyter-client; dotnet tool restore";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string?> FoundChromium = new(() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }.FirstOrDefault(c => ChildProcess.Run(c, ["--version"], timeout: TimeSpan.FromSeconds(60)).ExitCode == 0));

    private static readonly Lazy<string?> FoundPython = new(() =>
        new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(p =>
            ChildProcess.Run(p, ["-c", "import nbclient, nbconvert, nbformat, jupyter_client"], timeout: TimeSpan.FromSeconds(60)).ExitCode == 0));

    private static readonly Lazy<bool> FoundDotnetInteractive = new(() =>
        ChildProcess.Run("dotnet", ["tool", "run", "dotnet-interactive", "--version"], TestPaths.RepoRoot, timeout: TimeSpan.FromMinutes(2)).ExitCode == 0);

    private static readonly Lazy<bool> FoundPdftoppm = new(() => ChildProcess.Run("pdftoppm", ["-v"], timeout: TimeSpan.FromSeconds(60)).ExitCode == 0);

    public static string? Chromium => FoundChromium.Value;

    /// <summary>Debian's classic Jupyter Notebook driven by a real browser: jupyter-notebook, Selenium and chromedriver.</summary>
    public const string ClassicInstall = "apt-get install jupyter-notebook python3-selenium chromium-driver";

    private static readonly Lazy<string?> FoundClassicPython = new(() =>
        ChildProcess.Run("chromedriver", ["--version"], timeout: TimeSpan.FromSeconds(60)).ExitCode != 0
        || ChildProcess.Run("jupyter-notebook", ["--version"], timeout: TimeSpan.FromSeconds(60)).ExitCode != 0 ? null
        : new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(p =>
            ChildProcess.Run(p, ["-c", "import selenium, notebook"], timeout: TimeSpan.FromSeconds(60)).ExitCode == 0));

    /// <summary>The python3 with Selenium and the notebook server, when chromedriver and jupyter-notebook are on the PATH too; else null.</summary>
    public static string? ClassicPython => FoundClassicPython.Value;

    /// <summary>poppler's pdftoppm (Debian poppler-utils): renders a PDF page to PNG.</summary>
    public static bool Pdftoppm => FoundPdftoppm.Value;

    public static string? Python => FoundPython.Value;

    public static bool DotnetInteractive => FoundDotnetInteractive.Value;

    /// <summary>What is missing for a test that needs the browser and Jupyter (and Microsoft's kernel), or null.</summary>
    public static string? Missing(bool microsoftKernel)
    {
        var missing = new List<string>();
        if (Chromium is null) missing.Add("chromium");
        if (Python is null) missing.Add("python3 with nbclient and nbconvert");
        if (microsoftKernel && !DotnetInteractive) missing.Add("the dotnet-interactive tool");
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    /// <summary>Skip reason outside CI; null in CI (the test runs and fails on what is missing).</summary>
    public static string? SkipReason(bool microsoftKernel) =>
        InCi || Missing(microsoftKernel) is not { } missing ? null : $"needs {missing} (install: {Install}); CI runs this test";
}

/// <summary>A fact needing only Chromium (static figures, page layout): skipped outside CI when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <param name="pdftoppm">Also needs poppler's pdftoppm (to check PDF files).</param>
    public ChromiumFactAttribute(bool pdftoppm = false)
    {
        var missing = new List<string>();
        if (HostTools.Chromium is null) missing.Add("chromium");
        if (pdftoppm && !HostTools.Pdftoppm) missing.Add("poppler-utils");
        Skip = HostTools.InCi || missing.Count == 0 ? null : $"needs {string.Join(", ", missing)} (install: apt-get install {string.Join(" ", missing)}); CI runs this test";
    }
}

/// <summary>A fact needing Chromium and Jupyter's python tools: skipped outside CI when they are absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(bool microsoftKernel = false) => Skip = HostTools.SkipReason(microsoftKernel);
}

/// <summary>A fact or theory in the classic Jupyter Notebook front end (on our kernel, or Microsoft's): skipped outside CI when a tool is absent.</summary>
internal static class ClassicFrontEndSkip
{
    public static string? Reason(bool microsoftKernel) =>
        HostTools.InCi || (HostTools.ClassicPython is not null && HostTools.SkipReason(microsoftKernel) is null) ? null
        : $"needs the classic Jupyter Notebook, Selenium and chromedriver (install: {HostTools.ClassicInstall}; {HostTools.Install}); CI runs this test";
}

public sealed class ClassicFrontEndFactAttribute : FactAttribute
{
    public ClassicFrontEndFactAttribute(bool microsoftKernel = false) => Skip = ClassicFrontEndSkip.Reason(microsoftKernel);
}

public sealed class ClassicFrontEndTheoryAttribute : TheoryAttribute
{
    public ClassicFrontEndTheoryAttribute(bool microsoftKernel = false) => Skip = ClassicFrontEndSkip.Reason(microsoftKernel);
}

/// <summary>A theory needing Chromium and Jupyter's python tools: skipped outside CI when they are absent.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(bool microsoftKernel = false) => Skip = HostTools.SkipReason(microsoftKernel);
}
