using SchedDsl.Torch;

namespace SchedDsl.Progress;

/// <summary>
/// fastprogress's console table: cells left-aligned in fixed-width columns two spaces apart, so a row printed as its
/// epoch ends lines up with the header printed before it. When a line would not fit the console, the columns go
/// onto continuation lines (indented) at the same breaks for the header and every row, so columns stay aligned.
/// </summary>
internal sealed class ResultsTableLayout
{
    // The widths and the gap are the recorder's text table's (EpochColumns), so both print the same lines.
    private const string Gap = EpochColumns.Separator;
    private const string Indent = "  ";
    private readonly int[] _widths;
    private readonly int[][] _lines;

    public ResultsTableLayout(IReadOnlyList<string> names, int consoleWidth)
    {
        Names = names;
        _widths = names.Select(EpochColumns.Width).ToArray();
        _lines = Break(_widths, Math.Max(consoleWidth - 1, 1));
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The header, one string per console line.</summary>
    public IReadOnlyList<string> Header() => Format(Names);

    /// <summary>One row, one string per console line.</summary>
    public IReadOnlyList<string> Row(IReadOnlyList<string> cells)
    {
        if (cells.Count != _widths.Length)
        {
            throw new ArgumentException($"the table has {_widths.Length} columns ({string.Join(", ", Names)}) but the row has {cells.Count} cells", nameof(cells));
        }
        return Format(cells);
    }

    private string[] Format(IReadOnlyList<string> cells) =>
        _lines.Select((columns, i) => ((i == 0 ? "" : Indent) + string.Join(Gap, columns.Select(c => cells[c].PadRight(_widths[c])))).TrimEnd()).ToArray();

    /// <summary>Greedy: as many columns per line as fit in <paramref name="width"/>; at least one.</summary>
    private static int[][] Break(int[] widths, int width)
    {
        var lines = new List<int[]>();
        var line = new List<int>();
        var used = 0;
        for (var c = 0; c < widths.Length; c++)
        {
            var start = line.Count == 0 ? (lines.Count == 0 ? 0 : Indent.Length) : used + Gap.Length;
            if (line.Count > 0 && start + widths[c] > width)
            {
                lines.Add([.. line]);
                line.Clear();
                start = Indent.Length;
            }
            line.Add(c);
            used = start + widths[c];
        }
        lines.Add([.. line]);
        return [.. lines];
    }
}
