using ScottPlot;

namespace SchedDsl.Plotting;

/// <summary>
/// Schedule plots, one entry for both kinds: <c>PlotSchedule</c> draws a <see cref="Sched"/> before training (as
/// <c>schedsl plot</c> does), or the values a fit recorded (fastai's <c>Recorder.plot_sched</c>): one panel per
/// hyper-parameter, one line per parameter group (groups with equal values share a line and a legend entry), on a log
/// y axis when the values are all &gt; 0 and most of them span more than two decades. The image format follows the
/// file's extension (<see cref="PlotFormat"/>).
/// </summary>
/// <remarks>Reads plain numbers only: no tensor, no device. Thread-safe for distinct paths.</remarks>
public static partial class SchedulePlot
{
    /// <summary>
    /// Writes recorded hyper-parameter values against the iteration, one panel per hyper-parameter, in the order given.
    /// From a fit, <see cref="PlotSchedule(RecordedSchedule, string, int, int)"/> is the one call.
    /// </summary>
    /// <param name="hypers">Each hyper-parameter's name (the panel title and y label) and its values per parameter group, all groups the same length.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="firstStep">The iteration of the first value (0 unless the fit was resumed).</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="panelHeight">Height of each panel in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">
    /// Nothing to plot (no hyper-parameter, no group or no value), groups of different lengths, a size under 50 pixels,
    /// or an extension that names no image format.
    /// </exception>
    public static void PlotSchedule(IEnumerable<(string Name, double[][] Groups)> hypers, string path, int firstStep = 0,
        int width = 800, int panelHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(hypers);
        var curves = hypers.ToList();
        if (curves.Count == 0 || curves.Any(c => c.Groups is null || c.Groups.Length == 0 || c.Groups[0].Length == 0))
        {
            throw new ArgumentException("there are no recorded values to plot", nameof(hypers));
        }
        var panels = new List<Plot>();
        foreach (var (name, groups) in curves)
        {
            var count = groups[0].Length;
            if (groups.Any(g => g is null || g.Length != count))
            {
                throw new ArgumentException($"every group of {name} needs {count} values, one per iteration", nameof(hypers));
            }
            var xs = Enumerable.Range(firstStep, count).Select(i => (double)i).ToArray();
            panels.Add(SchedulePanel.Create(name, "iteration", name, xs, groups, logY: null));
        }
        PlotFile.Save(path, panels, width, panelHeight);
    }

    /// <summary>
    /// Writes the values a fit recorded, one panel per hyper-parameter (fastai's <c>recorder.plot_sched()</c>). With
    /// SchedDsl.Torch: <c>recorder.Hypers.ToRecordedSchedule().PlotSchedule("sched.png")</c>.
    /// </summary>
    /// <param name="recorded">The recorded values, from the step they start at.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="panelHeight">Height of each panel in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">Nothing recorded, a size under 50 pixels, or an extension that names no image format.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public static void PlotSchedule(this RecordedSchedule recorded, string path, int width = 800, int panelHeight = 300)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        PlotSchedule(recorded.Hypers, path, recorded.FirstStep, width, panelHeight);
    }
}
