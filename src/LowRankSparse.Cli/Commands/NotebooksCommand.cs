using System.CommandLine;
using LowRankSparse.Display;
using LowRankSparse.Interactive.Notebooks;
using LowRankSparse.Interactive.Notebooks.Export;

namespace LowRankSparse.Cli.Commands;

/// <summary><c>notebooks run</c> (headless execution, papermill style) and <c>notebooks export --to app</c> (C# file-based apps).</summary>
internal static class NotebooksCommand
{
    private const string DefaultNotebooks = "notebooks";

    public static Command Create()
    {
        var command = new Command("notebooks", "Run the C# notebooks headless, or export them as C# file-based apps.");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string[]> Paths() => new("paths")
    {
        Description = $"Notebook files or folders of notebooks. Default: {DefaultNotebooks}",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Option<bool> Quick() => new("--quick") { Description = "Inject Quick = true (the notebooks' small, fast settings)." };

    private static Option<string[]> ParameterOption() => new("--parameter", "-p")
    {
        Description = "Inject a parameter: name=value (repeatable); true/false, numbers and text become C# literals.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command Run()
    {
        var paths = Paths();
        var quick = Quick();
        var parameters = ParameterOption();
        var output = CommonOptions.Out("out/notebooks");
        var timeout = new Option<double>("--timeout")
        {
            Description = "Time limit per cell in seconds. Default: 600",
            DefaultValueFactory = _ => 600,
        };
        var command = new Command("run",
            "Execute notebooks in order in one C# session each; write OUT/NAME.ipynb with outputs, OUT/NAME.html and OUT/index.html. " +
            "Exit code 1 when a cell fails, 2 for bad input.")
        {
            paths, quick, parameters, output, timeout,
        };
        command.SetAction(parse =>
        {
            double seconds = parse.GetValue(timeout);
            if (!(seconds > 0)) throw new UsageException($"--timeout {seconds}: expected a positive number of seconds");
            var settings = new RunSettings(Parameters(parse.GetValue(quick), parse.GetValue(parameters) ?? []), TimeSpan.FromSeconds(seconds));
            var files = Find(parse.GetValue(paths));
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, force: true);
            var results = NotebookBatch.Run(files, settings, LibraryNotebookHost.Instance, dir, Console.Out, CliHost.Cancellation);
            Console.WriteLine($"{results.Count(r => r.Succeeded)} of {results.Count} notebooks succeeded in {results.Sum(r => r.Duration.TotalSeconds):F1} s; wrote {Path.Combine(dir, "index.html")}");
            foreach (var failure in results.Select(r => r.Failure).OfType<NotebookFailure>()) Console.Error.WriteLine($"error: {failure}");
            return results.All(r => r.Succeeded) ? 0 : CliHost.RunFailure;
        });
        return command;
    }

    private static Command Export()
    {
        var paths = Paths();
        var to = new Option<string>("--to")
        {
            Description = "Export format; 'app' = a C# file-based app (dotnet run NAME.cs).",
            Required = true,
        };
        to.AcceptOnlyFromAmong("app");
        var output = CommonOptions.Out("out/apps");
        var quick = Quick();
        var parameters = ParameterOption();
        var command = new Command("export", "Export notebooks as C# file-based apps: OUT/NAME.cs, runnable with `dotnet run OUT/NAME.cs`. " +
            "--quick and -p write the parameters into the app, right after its parameters cell.")
        {
            paths, to, output, quick, parameters,
        };
        command.SetAction(parse =>
        {
            var files = Find(parse.GetValue(paths));
            var injected = Parameters(parse.GetValue(quick), parse.GetValue(parameters) ?? []);
            string dir = OutputFolder.Prepare(parse.GetValue(output)!, force: true);
            foreach (string file in files)
            {
                var notebook = Notebook.Load(file, LibraryNotebookHost.Instance.Packages);
                ParameterInjection.Inject(notebook, injected);
                var written = AppExporter.Export(notebook, LibraryNotebookHost.Instance.Packages, dir);
                Console.WriteLine($"wrote {written.Path}");
                if (written.Warning is not null) Console.Error.WriteLine($"warning: {written.Warning}");
            }
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<NotebookParameter> Parameters(bool quick, string[] texts)
    {
        var list = quick ? new List<NotebookParameter> { NotebookParameter.Quick } : [];
        list.AddRange(texts.Select(NotebookParameter.Parse));
        return list;
    }

    private static IReadOnlyList<string> Find(string[]? paths) => NotebookFiles.Find(paths is { Length: > 0 } ? paths : [DefaultNotebooks]);
}
