using System.Globalization;
using System.Text;

namespace LowRankSparse.Figures;

/// <summary>The numbers behind a figure, in long format (one row per point), written as CSV for people who plot elsewhere.</summary>
public sealed class DataTable
{
    private readonly List<object?[]> _rows = new();

    public DataTable(params string[] columns) => Columns = columns;

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<object?[]> Rows => _rows;

    public DataTable Add(params object?[] row)
    {
        if (row.Length != Columns.Count) throw new ArgumentException($"row has {row.Length} values, table has {Columns.Count} columns");
        _rows.Add(row);
        return this;
    }

    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", Columns));
        foreach (var row in _rows) sb.AppendLine(string.Join(",", row.Select(Cell)));
        return sb.ToString();
    }

    private static string Cell(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        string s when s.Contains(',') || s.Contains('"') => "\"" + s.Replace("\"", "\"\"") + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
