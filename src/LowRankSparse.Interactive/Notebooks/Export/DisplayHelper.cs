namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>
/// The end of an exported app: the notebook's <c>display(x)</c>. A chart or a library <c>Figure</c> becomes a standalone HTML file
/// (the host's <see cref="Hosting.AppExport.ChartPage"/>: plotly.js inlined, works offline); anything else is printed.
/// </summary>
internal static class DisplayHelper
{
    /// <summary>
    /// The app's first statement: a failure ends it with one line on stderr instead of a stack trace — exit code 2 for bad input (a
    /// config value out of range, a config that does not exist), 1 for anything else.
    /// </summary>
    public static string FailureHandler(string notebookName, Hosting.AppExport app) => $$"""
        // a failure: one line, exit 2 for bad input (config), 1 otherwise
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var error = (Exception)e.ExceptionObject;
            Console.Error.WriteLine($"{{notebookName}}: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
            Environment.Exit(error is {{app.BadInputException}} ? 2 : 1);
        };
        """;

    public static string LocalFunction => "static void display(object? value) => NotebookDisplay.Show(value);";

    public static string Class(string notebookName, Hosting.AppExport app) => $$"""
        /// <summary>display(x) of the notebook: a chart or figure becomes a standalone HTML file (works offline), anything else is printed.</summary>
        static class NotebookDisplay
        {
            private static int _charts;

            public static void Show(object? value)
            {
                if ({{app.ChartPage}}(value) is { } page)
                {
                    string folder = Path.Combine(Environment.CurrentDirectory, "{{notebookName}}-charts");
                    Directory.CreateDirectory(folder);
                    string path = Path.Combine(folder, $"chart-{++_charts}.html");
                    File.WriteAllText(path, page);
                    Console.WriteLine($"chart written to {path}");
                }
                else
                {
                    Console.WriteLine(value as string ?? Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
                }
            }
        }
        """;
}
