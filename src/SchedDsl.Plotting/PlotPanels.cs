using ScottPlot;

namespace SchedDsl.Plotting;

/// <summary>
/// Your own ScottPlot plots, drawn as the library draws its plots: in the embedded font (so they have text on a
/// machine without fonts, and look the same everywhere), stacked top to bottom with their data areas lined up, in
/// the format the file's extension names. Use it for pictures the library has no helper for, such as results over
/// several runs, so they sit beside <see cref="SchedulePlot"/> and <see cref="LrFindPlot"/> pictures in one style.
/// </summary>
/// <remarks>Thread-safe for distinct paths and distinct plots.</remarks>
public static class PlotPanels
{
    /// <summary>Writes <paramref name="panels"/> one below the other to <paramref name="path"/>.</summary>
    /// <param name="panels">The plots, top to bottom; their text is switched to the embedded font.</param>
    /// <param name="path">The image file (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="panelHeight">Each panel's height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">No panel, a size under 50 pixels, or an extension that names no image format.</exception>
    public static void Save(IReadOnlyList<Plot> panels, string path, int width = 800, int panelHeight = 450)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("there is no panel to draw", nameof(panels));
        }
        PlotFile.Save(path, panels, width, panelHeight);
    }

    /// <summary>
    /// Labels <paramref name="axis"/> as a log10 axis, as the LR finder's plot does: ScottPlot 5 has no log scale, so
    /// plot <c>log10</c> of your values and the ticks read as the values (1e-3, 1e-2, …; round values under two decades).
    /// </summary>
    /// <param name="axis">The axis, e.g. <c>plot.Axes.Bottom</c>.</param>
    /// <param name="low">The smallest log10 value plotted.</param>
    /// <param name="high">The largest log10 value plotted.</param>
    public static void UseLogTicks(IAxis axis, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(axis);
        LogAxis.Apply(axis, low, high);
    }
}
