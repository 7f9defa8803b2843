namespace SchedDsl.Plotting;

public static partial class SchedulePlot
{
    /// <summary>
    /// Draws a metric-driven schedule replayed on <paramref name="metrics"/>, as <c>schedsl plot --metrics</c> does: the
    /// values at <c>i/steps</c> for <c>i = 0 … steps-1</c>, metric <c>j</c> observed before step
    /// <c>(j+1)·observeEvery</c> (<see cref="AdaptiveSched.Sample"/>), titled with the replay (the schedule's text is often longer than the image is wide).
    /// </summary>
    /// <param name="sched">The adaptive schedule, with no per-group values.</param>
    /// <param name="metrics">The metrics to replay, one per observation.</param>
    /// <param name="observeEvery">Steps between observations (an epoch's batches), &gt;= 1.</param>
    /// <param name="path">The image file to write; its folder is created.</param>
    /// <param name="steps">Steps of the replayed fit, &gt;= 1.</param>
    /// <param name="format">The image format; null to take it from the extension of <paramref name="path"/>.</param>
    /// <param name="logY">True for a log y axis, false for linear; null to choose as <see cref="PlotSchedule(Sched, string, int, int, PlotFormat?, bool?, int, int)"/> does.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">A bad count or size, or an extension that names no format.</exception>
    /// <exception cref="InvalidOperationException">The schedule has per-group values.</exception>
    // RS0026 guards shipped overloads against ambiguity once optional parameters are added; this overload is new and
    // its receiver's type (AdaptiveSched) tells it apart.
#pragma warning disable RS0026
    public static void PlotSchedule(this AdaptiveSched sched, IReadOnlyList<double> metrics, int observeEvery, string path, int steps = 100,
        PlotFormat? format = null, bool? logY = null, int width = 800, int height = 450)
    {
        ArgumentNullException.ThrowIfNull(sched);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var values = sched.Sample(steps, metrics, observeEvery);
        var xs = Enumerable.Range(0, steps).Select(i => (double)i).ToArray();
        var plot = SchedulePanel.Create($"replayed on {metrics.Count} metrics, one every {observeEvery} steps", $"step (position = step / {steps})", "value", xs, [values], logY);
        PlotFile.Save(path, [plot], width, height, format);
    }
#pragma warning restore RS0026
}
