using System.Text;

namespace SchedDsl.Experiments;

/// <summary>A GitHub markdown table: a header row and rows of cells, pipes in cells escaped.</summary>
internal sealed class MarkdownTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != header.Length)
        {
            throw new ArgumentException($"the table has {header.Length} columns but the row has {cells.Length} cells", nameof(cells));
        }
        _rows.Add(cells);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        Line(text, header);
        Line(text, header.Select(_ => "---").ToArray());
        foreach (var row in _rows)
        {
            Line(text, row);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
}
