namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>
/// The end of an exported app: the notebook's <c>display(x)</c>. A chart or a library <c>Figure</c> becomes a standalone HTML file
/// (<see cref="Display.ChartPage"/>: plotly.js inlined, works offline); anything else is printed.
/// </summary>
internal static class DisplayHelper
{
    public static string LocalFunction => "static void display(object? value) => NotebookDisplay.Show(value);";

    public static string Class(string notebookName) => $$"""
        /// <summary>display(x) of the notebook: a chart or figure becomes a standalone HTML file (works offline), anything else is printed.</summary>
        static class NotebookDisplay
        {
            private static int _charts;

            public static void Show(object? value)
            {
                if (LowRankSparse.Display.ChartPage.For(value) is { } page)
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
