namespace LowRankSparse.Interactive.Notebooks.Export;

/// <summary>The end of an exported app: the notebook's <c>display(x)</c>, writing charts to offline HTML files and printing the rest.</summary>
internal static class DisplayHelper
{
    public static string LocalFunction => "static void display(object? value) => NotebookDisplay.Show(value);";

    public static string Class(string notebookName) => $$"""
        /// <summary>display(x) of the notebook: a chart becomes a standalone HTML file (plotly.js inlined: works offline), anything else is printed.</summary>
        static class NotebookDisplay
        {
            private static int _charts;

            public static void Show(object? value)
            {
                if (value is Plotly.NET.GenericChart chart)
                {
                    string folder = Path.Combine(Environment.CurrentDirectory, "{{notebookName}}-charts");
                    Directory.CreateDirectory(folder);
                    string path = Path.Combine(folder, $"chart-{++_charts}.html");
                    var offline = Plotly.NET.Chart.withDisplayOptions(Plotly.NET.DisplayOptions.init(null, null, null, null, null, null,
                        Microsoft.FSharp.Core.FSharpOption<Plotly.NET.PlotlyJSReference>.Some(Plotly.NET.PlotlyJSReference.Full))).Invoke(chart);
                    File.WriteAllText(path, Plotly.NET.GenericChart.toEmbeddedHTML(offline));
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
