using System.Text;
using LowRankSparse.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace LowRankSparse.Interactive.Engine;

/// <summary>What running one submission gave.</summary>
/// <param name="HasValue">The cell ends with a non-void expression without a semicolon (its value is shown).</param>
/// <param name="State">The session state after the cell: the engine commits it only when the cell was not stopped.</param>
internal sealed record ScriptOutcome(object? Value, bool HasValue, Exception? Exception, ScriptState<object> State);

/// <summary>
/// The Roslyn scripting state of one session: each cell is a submission that continues the previous one, so variables,
/// functions and types stay visible in later cells. Not thread-safe: the engine runs one cell at a time.
/// </summary>
internal sealed class ScriptSession
{
    private readonly NotebookGlobals _globals = new();
    private ScriptState<object>? _state;

    private ScriptOptions _options;

    public ScriptSession(HostPackages host) => _options = OptionsFor(host);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>References and imports of <see cref="ScriptDefaults"/>, with debug information for line numbers in stack traces.</summary>
    public static ScriptOptions OptionsFor(HostPackages host) => ScriptOptions.Default
        .WithReferences(ScriptDefaults.References(host))
        .WithImports(ScriptDefaults.Imports(host))
        .WithEmitDebugInformation(true)
        .WithFileEncoding(Encoding.UTF8)
        .WithLanguageVersion(LanguageVersion.Latest);

    public void AddReference(MetadataReference reference) => _options = _options.AddReferences(reference);

    /// <summary>Compiles and runs one cell. Throws <see cref="CompilationErrorException"/>; a runtime exception is returned
    /// (its state keeps what the cell declared before it failed, as in Jupyter). Call <see cref="Commit"/> to keep the result.</summary>
    /// <param name="notes">Where the compiler's warnings and infos go, one line each (the cell's stderr, as Microsoft's kernel shows them).</param>
    public ScriptOutcome Run(string code, string cellPath, CancellationToken cancellation, TextWriter? notes = null)
    {
        var options = _options.WithFilePath(cellPath);
        Script<object> script = _state is null
            ? CSharpScript.Create(code, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(code, options);
        var diagnostics = script.Compile(cancellation);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            throw new CompilationErrorException(string.Join(Environment.NewLine, diagnostics), diagnostics);
        foreach (var note in diagnostics.Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info))
            notes?.WriteLine(ErrorReports.Describe(note));
        bool hasValue = EndsWithValue(script.GetCompilation());
        var run = _state is null
            ? script.RunAsync(_globals, _ => true, cancellation)
            : script.RunFromAsync(_state, _ => true, cancellation);
        var state = run.GetAwaiter().GetResult();
        return new ScriptOutcome(state.ReturnValue, hasValue && state.Exception is null, state.Exception, state);
    }

    public void Commit(ScriptOutcome outcome) => _state = outcome.State;

    /// <summary>The compilation of <paramref name="code"/> as the next submission (for completions), without running it.</summary>
    public Compilation CompilationFor(string code)
    {
        Script<object> script = _state is null
            ? CSharpScript.Create(code, _options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(code, _options);
        return script.GetCompilation();
    }

    /// <summary>True when the submission ends with a non-void expression without a semicolon: its value is the cell's result.</summary>
    public static bool EndsWithValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax unit) return false;
        if (unit.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }) return false;
        if (!statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
