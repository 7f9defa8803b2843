using ScottPlot;

namespace SchedDsl.Torch;

/// <summary>fastai's <c>Recorder.plot_sched</c>: each recorded hyper-parameter against the iteration, one line per group.</summary>
/// <remarks>Reads the recorder's host-side values only: no tensor, no device synchronisation. Thread-safe for distinct paths.</remarks>
public static partial class SchedulePlot
{
    /// <summary>Writes a PNG with one panel per hyper-parameter (all recorded ones unless <paramref name="hypers"/> is given).</summary>
    /// <param name="history">The values, e.g. <c>recorder.Hypers</c>.</param>
    /// <param name="path">The PNG file to write; its folder is created.</param>
    /// <param name="hypers">The hyper-parameters to draw, in order; null for every recorded one.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="panelHeight">Height of each panel in pixels.</param>
    /// <exception cref="ArgumentException">Nothing was recorded.</exception>
    public static void PlotSched(this HyperHistory history, string path, IEnumerable<HyperParameter>? hypers = null, int width = 800, int panelHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(history);
        var keys = (hypers ?? history.Hypers.OrderBy(h => h)).ToList();
        if (keys.Count == 0 || history.Count == 0)
        {
            throw new ArgumentException("the history has no recorded values to plot", nameof(history));
        }
        var panels = new List<Plot>();
        foreach (var hyper in keys)
        {
            var plot = new Plot();
            for (var g = 0; g < history.GroupCount; g++)
            {
                var ys = history.Get(hyper, g).ToArray();
                var xs = Enumerable.Range(history.FirstStep, ys.Length).Select(i => (double)i).ToArray();
                var line = plot.Add.ScatterLine(xs, ys);
                line.LegendText = history.GroupCount == 1 ? hyper.FastaiName() : $"group {g}";
            }
            plot.Title(hyper.FastaiName());
            plot.XLabel("iteration");
            plot.ShowLegend();
            panels.Add(plot);
        }
        PanelImage.SavePng(path, panels, width, panelHeight);
    }

    /// <summary>Writes <paramref name="recorder"/>'s hyper-parameters (see <see cref="PlotSched(HyperHistory, string, IEnumerable{HyperParameter}?, int, int)"/>).</summary>
    public static void PlotSched(this Recorder recorder, string path, IEnumerable<HyperParameter>? hypers = null, int width = 800, int panelHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Hypers.PlotSched(path, hypers, width, panelHeight);
    }
}
