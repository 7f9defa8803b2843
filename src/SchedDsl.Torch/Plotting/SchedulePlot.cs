using ScottPlot;

namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>Recorder.plot_sched</c>: each recorded hyper-parameter against the iteration, one panel per
/// hyper-parameter, one line per parameter group (groups with equal values share a line and a legend entry), on a
/// log y axis when the values are all &gt; 0 and most of them span more than two decades (see
/// <see cref="PlotSchedule"/>). The image format follows the file's extension (<see cref="PlotFormat"/>).
/// </summary>
/// <remarks>Reads the recorder's host-side values only: no tensor, no device synchronisation. Thread-safe for distinct paths.</remarks>
public static partial class SchedulePlot
{
    /// <summary>Writes one panel per hyper-parameter (all recorded ones unless <paramref name="hypers"/> is given).</summary>
    /// <param name="history">The values, e.g. <c>recorder.Hypers</c>.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="hypers">The hyper-parameters to draw, in order; null for every recorded one.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="panelHeight">Height of each panel in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">Nothing was recorded, a size under 50 pixels, or an extension that names no image format.</exception>
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
            var groups = Enumerable.Range(0, history.GroupCount).Select(g => history.Get(hyper, g).ToArray()).ToList();
            var xs = Enumerable.Range(history.FirstStep, groups[0].Length).Select(i => (double)i).ToArray();
            var name = hyper.FastaiName();
            panels.Add(SchedulePanel.Create(name, "iteration", name, xs, groups, logY: null));
        }
        PlotFile.Save(path, panels, width, panelHeight);
    }

    /// <summary>Writes <paramref name="recorder"/>'s hyper-parameters (see <see cref="PlotSched(HyperHistory, string, IEnumerable{HyperParameter}?, int, int)"/>).</summary>
    public static void PlotSched(this Recorder recorder, string path, IEnumerable<HyperParameter>? hypers = null, int width = 800, int panelHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        recorder.Hypers.PlotSched(path, hypers, width, panelHeight);
    }
}
