using SchedDsl.LrFinding;
using ScottPlot.Plottables;
using Xunit;

namespace SchedDsl.Plotting.Tests;

/// <summary><see cref="LrFindPlot.PlotLrFindSpread"/>: the runs' band, their median curve, each suggestion's range.</summary>
public sealed class LrFindSpreadPlotTests : IDisposable
{
    private readonly string _dir = PlotPictures.TempDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>
    /// Five runs of <see cref="LrFindPlotTests.Result"/>'s curve, each with its fall shifted along the lr axis and its
    /// loss shifted, as runs on other data orders look; one stops early, so the curves differ in length.
    /// </summary>
    internal static LrFindCurve[] Runs()
    {
        var lrs = Enumerable.Range(0, 100).Select(i => Sched.Exp(1e-7, 10).At(i / 100.0)).ToArray();
        return [.. Enumerable.Range(0, 5).Select(run =>
        {
            var knee = 1e-2 * Math.Pow(2, run - 2);
            var losses = lrs.Select(lr => 2.3 + (0.03 * run) - (0.6 / (1 + Math.Pow(knee / lr, 1.5))) + (lr > 1 ? 0.4 * (lr - 1) : 0)).ToArray();
            var points = run == 4 ? 90 : 100;
            return new LrFindCurve(lrs[..points], losses[..points], 100);
        })];
    }

    [Fact]
    public void Band_spans_the_runs_lowest_to_highest_loss_with_the_median_curve_and_a_range_bar_per_suggestion()
    {
        var runs = Runs();
        var plot = LrFindPlot.CreateSpread(runs, skipEnd: 5);
        // The runs share one lr grid: at point i, the median of the runs drawn there (the short run is drawn to 85).
        var median = Enumerable.Range(0, 95).Select(i => runs.Where(r => i < r.Lrs.Count - 5).Select(r => r.Losses[i]).Order().ToArray())
            .Select(v => v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2);
        Assert.Single(plot.GetPlottables().OfType<FillY>());
        var spread = LrFindSpread.Of(runs);
        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal("median loss", scatters[0].LegendText);
        Assert.Equal(median, scatters[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal(["valley", "slide", "minimum/10", "steep"], scatters.Skip(1).Select(s => s.LegendText[..s.LegendText.IndexOf(" =", StringComparison.Ordinal)]));
        foreach (var (bar, method) in scatters.Skip(1).Zip([LrSuggestionMethod.Valley, LrSuggestionMethod.Slide, LrSuggestionMethod.Minimum, LrSuggestionMethod.Steep]))
        {
            // The bar runs from the lowest to the highest run's point (minimum's point is ten times its lr, as fastai draws it).
            var scale = method == LrSuggestionMethod.Minimum ? 10 : 1;
            var ends = bar.Data.GetScatterPoints().Select(p => p.X).ToArray();
            Assert.Equal([Math.Log10(spread[method]!.Low * scale), Math.Log10(spread[method]!.High * scale)], ends);
            Assert.True(spread[method]!.Factor > 1); // the runs differ: a bar, not a point
        }
    }

    [Fact]
    public void The_picture_has_title_axis_labels_and_the_legend_right_of_the_data()
    {
        var path = Path.Combine(_dir, "lr_find_spread.svg");
        Runs().PlotLrFindSpread(path);
        var texts = SvgPlotTexts.Read(path);
        Assert.Equal("LR finder: 5 runs, median and range", texts.Title.Text);
        Assert.Equal("smoothed loss", texts.YLabel);
        Assert.Contains(texts.All, t => t.Text == "learning rate (log scale)");
        Assert.Equal(6, texts.Legend.Count); // band, median curve, four suggestions
        var dataRightAtMost = (2 * texts.Title.X) - texts.YTicks[0].X;
        Assert.All(texts.Legend, entry => Assert.True(entry.X > dataRightAtMost, $"'{entry.Text}' at x = {entry.X}, data area up to {dataRightAtMost}"));
    }

    [Fact]
    public void No_run_or_no_finite_point_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Array.Empty<LrFindCurve>().PlotLrFindSpread(Path.Combine(_dir, "none.png")));
        LrFindCurve[] nan = [new([1e-3, 1e-2], [double.NaN, 1.0], 2)];
        var error = Assert.Throws<ArgumentException>(() => nan.PlotLrFindSpread(Path.Combine(_dir, "nan.png"), skipEnd: 1));
        Assert.StartsWith("the LR finder runs hold no finite loss to plot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_a_png()
    {
        var path = Path.Combine(_dir, "lr_find_spread.png");
        Runs().PlotLrFindSpread(path);
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
