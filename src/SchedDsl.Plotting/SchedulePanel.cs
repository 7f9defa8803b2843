using System.Globalization;
using ScottPlot;

namespace SchedDsl.Plotting;

/// <summary>
/// One hyper-parameter's curves, one per parameter group, as both schedule plots draw them: equal groups merged
/// (<see cref="GroupCurves"/>), a log y axis when asked or when the values span more than two decades
/// (<see cref="LogAxis"/>), a y range that suits a flat curve (<see cref="AxisRange"/>), the legend outside the data.
/// </summary>
internal static class SchedulePanel
{
    /// <param name="title">The panel's title.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="name">The hyper-parameter's name: the y axis label.</param>
    /// <param name="xs">The x of every point.</param>
    /// <param name="groups">Each group's values, one per x.</param>
    /// <param name="logY">True or false to force the y scale, null to choose it from the values.</param>
    /// <exception cref="ArgumentException">A log y axis asked for values that are not all &gt; 0.</exception>
    public static Plot Create(string title, string xLabel, string name, double[] xs, IReadOnlyList<double[]> groups, bool? logY)
    {
        var values = groups.SelectMany(g => g);
        var log = logY ?? LogAxis.Suits(values);
        var lowest = values.Where(double.IsFinite).DefaultIfEmpty(1).Min();
        if (log && lowest <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"a log y axis needs values > 0, but the {name} curve reaches {lowest}"), nameof(logY));
        }
        var plot = new Plot();
        var curves = GroupCurves.Merge(groups);
        foreach (var (label, ys) in curves)
        {
            var line = plot.Add.ScatterLine(xs, log ? ys.Select(Math.Log10).ToArray() : ys);
            line.LineWidth = 2;
            if (groups.Count > 1)
            {
                line.LegendText = label;
            }
        }
        var (low, high) = AxisRange.Of(curves.SelectMany(c => log ? c.Values.Select(Math.Log10) : c.Values));
        plot.Axes.SetLimitsY(low, high);
        if (log)
        {
            LogAxis.Apply(plot.Axes.Left, low, high);
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(log ? $"{name} (log scale)" : name);
        if (groups.Count > 1)
        {
            plot.ShowLegend(Edge.Right);
        }
        return plot;
    }
}
