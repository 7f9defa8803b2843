namespace SchedDsl.Plotting;

public static partial class SchedulePlot
{
    /// <summary>
    /// Draws a schedule before training, as <c>schedsl plot</c> does: its value at <c>i/steps</c> for every step and at
    /// every join of its parts (a peak, a restart, a step's boundary, with the value just before it), so that no
    /// maximum or minimum falls between two samples; one line per parameter group (groups with equal values share a
    /// line and a legend entry), titled with the schedule's text form.
    /// </summary>
    /// <param name="sched">The schedule; a per-group one (a list or a slice) needs <paramref name="groups"/> to match it.</param>
    /// <param name="path">The image file to write; its folder is created.</param>
    /// <param name="steps">
    /// Positions <c>i/steps</c> for <c>i = 0 … steps</c> (the last point is position 1), the x axis's unit; &gt;= 1. The
    /// schedule's joins are drawn at their own positions between them.
    /// </param>
    /// <param name="groups">Parameter-group count; &gt;= 1.</param>
    /// <param name="format">The image format; null (the default) to take it from the extension of <paramref name="path"/>.</param>
    /// <param name="logY">
    /// True for a log y axis, false for a linear one; null (the default) for a log axis when the values are all &gt; 0
    /// and most of them span more than two decades (the 90th percentile over 100 times the 10th), as a warmup from
    /// 1e-7 or a slice's small early-layer rates do; a one-cycle, whose rate dives only in its last steps, stays linear.
    /// </param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">
    /// A bad count or size; a per-group list whose length is not <paramref name="groups"/>; an extension that names no
    /// format, or one that contradicts <paramref name="format"/>; a log axis for values that are not all &gt; 0.
    /// </exception>
    /// <remarks>Evaluates the schedule only: no tensor, no device. Thread-safe for distinct paths.</remarks>
    public static void PlotSchedule(this Sched sched, string path, int steps = 100, int groups = 1, PlotFormat? format = null,
        bool? logY = null, int width = 800, int height = 450)
    {
        ArgumentNullException.ThrowIfNull(sched);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var (xs, values) = ScheduleSamples.For(sched.ForGroups(groups), steps);
        var plot = SchedulePanel.Create(sched.ToString(), $"step (position = step / {steps})", "value", xs, values, logY);
        PlotFile.Save(path, [plot], width, height, format);
    }
}
