using ScottPlot;

namespace SchedDsl.Torch;

/// <summary>The image format of <see cref="SchedulePlot.PlotSchedule"/>.</summary>
public enum PlotFormat
{
    /// <summary>A PNG bitmap.</summary>
    Png,

    /// <summary>An SVG vector image.</summary>
    Svg,
}

public static partial class SchedulePlot
{
    /// <summary>
    /// Draws a schedule before training, as <c>schedsl plot</c> does: its value at <c>i/steps</c> for every step, one
    /// line per parameter group, titled with the schedule's text form.
    /// </summary>
    /// <param name="sched">The schedule; a per-group one (a list or a slice) needs <paramref name="groups"/> to match it.</param>
    /// <param name="path">The image file to write; its folder is created.</param>
    /// <param name="steps">Positions <c>i/steps</c> for <c>i = 0 … steps</c> (the last point is position 1); &gt;= 1.</param>
    /// <param name="groups">Parameter-group count; &gt;= 1.</param>
    /// <param name="format">PNG or SVG.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">A bad count or size, or a per-group list whose length is not <paramref name="groups"/>.</exception>
    /// <remarks>Evaluates the schedule only: no tensor, no device. Thread-safe for distinct paths.</remarks>
    public static void PlotSchedule(this Sched sched, string path, int steps = 100, int groups = 1, PlotFormat format = PlotFormat.Png, int width = 800, int height = 450)
    {
        ArgumentNullException.ThrowIfNull(sched);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var perGroup = sched.ForGroups(groups);
        var plot = new Plot();
        var xs = Enumerable.Range(0, steps + 1).Select(i => (double)i).ToArray();
        for (var g = 0; g < groups; g++)
        {
            var ys = xs.Select(x => perGroup[g].At(Positions.At((int)x, steps))).ToArray();
            var line = plot.Add.ScatterLine(xs, ys);
            line.LineWidth = 2;
            if (groups > 1)
            {
                line.LegendText = $"group {g}";
            }
        }
        plot.Title(sched.ToString());
        plot.XLabel($"step (position = step / {steps})");
        plot.YLabel("value");
        if (groups > 1)
        {
            plot.ShowLegend();
        }
        Save(plot, path, format, width, height);
    }

    private static void Save(Plot plot, string path, PlotFormat format, int width, int height)
    {
        if (format == PlotFormat.Png)
        {
            PanelImage.SavePng(path, [plot], width, height);
            return;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 50);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllText(path, plot.GetSvgXml(width, height));
    }
}
