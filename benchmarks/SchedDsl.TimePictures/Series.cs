using ScottPlot;

namespace SchedDsl.TimePictures;

/// <summary>The pictures' shared drawing: one colour per series, the legend outside the data, the embedded font.</summary>
internal static class Series
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static Color Color(int index) => Palette.GetColor(index);

    /// <summary>A line through (<paramref name="xs"/>, <paramref name="ys"/>) labelled <paramref name="label"/>.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, Color color, bool dashed = false)
    {
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
        line.LineWidth = dashed ? 1.5f : 2;
        line.LegendText = label;
        if (dashed)
        {
            line.LinePattern = LinePattern.Dashed;
        }
        return line;
    }

    /// <summary>A dotted vertical marker at <paramref name="x"/>, in the legend as <paramref name="label"/> (null: not in it).</summary>
    public static void Marker(Plot plot, double x, string? label)
    {
        var line = plot.Add.VerticalLine(x, 1, Colors.Gray, LinePattern.Dotted);
        line.LegendText = label ?? "";
    }

    /// <summary>Titles and labels <paramref name="plot"/> and puts its legend right of the data.</summary>
    public static void Label(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Edge.Right);
    }
}
