using SchedDsl.LrFinding;
using SchedDsl.Torch;
using ScottPlot;
using ScottPlot.Plottables;
using Xunit;

namespace SchedDsl.Plotting.Tests;

public sealed class LrFindPlotTests : IDisposable
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
    /// An LR finder curve of 100 points from 1e-7 to 10: flat, then a fall, a minimum and a divergence, as a real run
    /// looks; long enough for all four suggestions.
    /// </summary>
    internal static LrFindResult Result()
    {
        var lrs = Enumerable.Range(0, 100).Select(i => Sched.Exp(1e-7, 10).At(i / 100.0)).ToArray();
        var losses = lrs.Select(lr => 2.3 - (0.6 / (1 + Math.Pow(1e-2 / lr, 1.5))) + (lr > 1 ? 0.4 * (lr - 1) : 0)).ToArray();
        return new LrFindResult(lrs, losses, LrFindSuggestions.Compute(lrs, losses, numIt: 100), StoppedEarly: false);
    }

    [Fact]
    public void Each_suggestion_is_a_point_on_the_curve_with_its_value_in_the_legend()
    {
        var result = Result();
        var details = result.Suggestions!.Details;
        var plot = LrFindPlot.Create(result.Lrs, result.Losses, result.Suggestions?.Details, skipEnd: 5);
        var curve = plot.GetPlottables().OfType<Scatter>().Single();
        var points = plot.GetPlottables().OfType<Marker>().ToList();
        Assert.Equal(["valley = ", "slide = ", "minimum/10 = ", "steep = "], points.Select(p => p.LegendText[..(p.LegendText.IndexOf('=', StringComparison.Ordinal) + 2)]));
        Assert.NotNull(details.Slide);
        foreach (var (point, method) in points.Zip([LrSuggestionMethod.Valley, LrSuggestionMethod.Slide, LrSuggestionMethod.Minimum, LrSuggestionMethod.Steep]))
        {
            var suggested = details[method]!.Value;
            Assert.EndsWith(suggested.Lr.ToString("0.##e0", System.Globalization.CultureInfo.InvariantCulture), point.LegendText, StringComparison.Ordinal);
            // On the curve: one of its drawn points (x is log10 lr), to the last bit.
            Assert.Contains(curve.Data.GetScatterPoints(), c => c.X == Math.Log10(suggested.PointLr) && c.Y == suggested.PointLoss);
        }
    }

    [Fact]
    public void The_x_axis_is_log_and_the_legend_is_right_of_the_data()
    {
        var path = Path.Combine(_dir, "lr_find.svg");
        var result = Result();
        LrFindPlot.PlotLrFind(result.Lrs, result.Losses, result.Suggestions?.Details, path);
        var texts = SvgPlotTexts.Read(path);
        Assert.Equal("learning rate (log scale)", texts.All.Single(t => t.Text.Contains("learning rate", StringComparison.Ordinal)).Text);
        Assert.Contains(texts.XTicks, t => t.Text == "1e-4");
        Assert.Equal(5, texts.Legend.Count);
        // The title is centred over the data area, whose left edge is right of the y tick labels' anchor: so the data
        // area ends left of 2 * title - yTicks. Every legend entry starts right of that.
        var dataRightAtMost = (2 * texts.Title.X) - texts.YTicks[0].X;
        Assert.All(texts.Legend, entry => Assert.True(entry.X > dataRightAtMost, $"'{entry.Text}' at x = {entry.X}, data area up to {dataRightAtMost}"));
    }

    [Fact]
    public void A_short_curve_has_no_slide_point()
    {
        var lrs = Enumerable.Range(0, 20).Select(i => Sched.Exp(1e-5, 1).At(i / 20.0)).ToArray();
        var losses = lrs.Select(lr => 2 - lr).ToArray();
        var plot = LrFindPlot.Create(lrs, losses, LrFindSuggestions.Compute(lrs, losses, numIt: 20)?.Details, skipEnd: 5);
        Assert.Equal(3, plot.GetPlottables().OfType<Marker>().Count());
        Assert.DoesNotContain(plot.GetPlottables().OfType<Marker>(), m => m.LegendText.StartsWith("slide", StringComparison.Ordinal));
    }
}
