using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>Where an arm ended (or stood after each epoch), mean ± std over seeds, by epochs trained.</summary>
/// <param name="Name">The legend's words.</param>
/// <param name="Epochs">Epochs trained at each point.</param>
/// <param name="Accuracy">Test accuracy at each point (fractions).</param>
/// <param name="Loss">Test loss at each point.</param>
/// <param name="Band">Drawn as a line with a ± std band (a curve per epoch) instead of points with error bars (budgets).</param>
/// <param name="Color">The palette index, shared with the arm's learning rates below.</param>
internal sealed record PlotSeries(string Name, double[] Epochs, Summary[] Accuracy, Summary[] Loss, bool Band, int Color)
{
    /// <summary>A series of the arm's end points at each budget, from runs[budget][seed].</summary>
    public static PlotSeries AtBudgets(string name, IReadOnlyList<int> budgets, IReadOnlyList<IReadOnlyList<TrainedRun>> runs, int color) => new(
        name,
        [.. budgets.Select(b => (double)b)],
        [.. runs.Select(r => Summary.Of(r.Select(x => x.Accuracy)))],
        [.. runs.Select(r => Summary.Of(r.Select(x => x.Loss)))],
        Band: false,
        color);

    /// <summary>A series of every epoch row of one fit per seed (the trunk), the last at <paramref name="end"/> epochs when the fit stopped mid-epoch.</summary>
    public static PlotSeries PerEpoch(string name, IReadOnlyList<TrainedRun> runs, double end, int color)
    {
        var epochs = runs.Min(r => r.EpochAccuracy.Count);
        return new(
            name,
            [.. Enumerable.Range(1, epochs).Select(e => Math.Min(e, end))],
            [.. Enumerable.Range(0, epochs).Select(e => Summary.Of(runs.Select(r => r.EpochAccuracy[e])))],
            [.. Enumerable.Range(0, epochs).Select(e => Summary.Of(runs.Select(r => r.EpochLoss[e])))],
            Band: true,
            color);
    }
}

/// <summary>A learning rate over epochs, drawn in the bottom panel; only lines with a name enter the legend.</summary>
internal sealed record LrLine(string? Name, double[] Epochs, double[] Lrs, int Color)
{
    private const int Points = 400;

    /// <summary><paramref name="lr"/> over a fit of <paramref name="epochs"/> epochs, drawn from epoch <paramref name="from"/> on.</summary>
    public static LrLine Of(string? name, Sched lr, double epochs, int color, double from = 0)
    {
        var ps = Enumerable.Range(0, Points + 1).Select(i => (from / epochs) + ((1 - (from / epochs)) * i / Points)).ToArray();
        return new(name, [.. ps.Select(p => p * epochs)], [.. ps.Select(p => lr.At(p))], color);
    }
}

/// <summary>
/// The picture of experiments 4–6: test accuracy and test loss by epochs trained (mean, ± std over seeds), and below
/// them the learning rates that got there, on the same epoch axis.
/// </summary>
internal static class BudgetPlot
{
    public static void Save(string path, string title, IReadOnlyList<PlotSeries> series, IReadOnlyList<LrLine> lrs, int seeds)
    {
        var accuracy = new Plot();
        var loss = new Plot();
        var schedules = new Plot();
        var points = series.Where(s => !s.Band).ToList();
        foreach (var s in series)
        {
            // Side by side at a shared budget, so error bars do not hide each other.
            var offset = s.Band ? 0 : (points.IndexOf(s) - ((points.Count - 1) / 2.0)) * 0.03;
            Draw(accuracy, s, offset, s.Accuracy.Select(a => Scale(a, 100)).ToArray());
            Draw(loss, s, offset, s.Loss);
        }
        foreach (var line in lrs)
        {
            var drawn = schedules.Add.ScatterLine(line.Epochs, line.Lrs, Picture.Color(line.Color));
            drawn.LineWidth = 2;
            drawn.LegendText = line.Name ?? "";
        }
        var last = Math.Max(series.Max(s => s.Epochs.Max()), lrs.Max(l => l.Epochs.Max()));
        accuracy.Title($"{title}: test accuracy (mean ± std over {seeds} seeds)");
        accuracy.YLabel("test accuracy (%)");
        loss.Title($"test loss (mean ± std over {seeds} seeds)");
        loss.YLabel("test loss");
        schedules.Title("the learning rates");
        schedules.YLabel("lr");
        foreach (var plot in new[] { accuracy, loss, schedules })
        {
            plot.XLabel("epochs trained");
            plot.Axes.SetLimitsX(0, last * 1.03);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(last > 6 ? 1 : 0.2);
            plot.ShowLegend(Edge.Right);
        }
        PlotPanels.Save([accuracy, loss, schedules], path, 1200, 380);
    }

    private static Summary Scale(Summary s, double by) => s with { Mean = s.Mean * by, Std = s.Std * by };

    private static void Draw(Plot plot, PlotSeries s, double offset, Summary[] values)
    {
        var color = Picture.Color(s.Color);
        var xs = s.Epochs.Select(x => x + offset).ToArray();
        var mean = values.Select(v => v.Mean).ToArray();
        var std = values.Select(v => double.IsFinite(v.Std) ? v.Std : 0).ToArray();
        if (s.Band)
        {
            var band = plot.Add.FillY(xs, mean.Zip(std, (m, d) => m - d).ToArray(), mean.Zip(std, (m, d) => m + d).ToArray());
            band.FillColor = color.WithAlpha(0.15);
            band.LineWidth = 0;
        }
        else
        {
            var bars = plot.Add.ErrorBar(xs, mean, std);
            bars.Color = color;
        }
        var line = plot.Add.ScatterLine(xs, mean, color);
        line.LineWidth = 2;
        line.MarkerSize = s.Band ? 4 : 8;
        line.LinePattern = s.Band ? LinePattern.Solid : LinePattern.Dotted;
        line.LegendText = s.Name;
    }
}
