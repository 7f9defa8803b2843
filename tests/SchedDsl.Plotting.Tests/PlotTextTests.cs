using SchedDsl.Torch.Tests;
using ScottPlot;
using Xunit;

namespace SchedDsl.Plotting.Tests;

/// <summary>
/// Plots carry their text on any machine: the font is embedded, not read from the system (a minimal Debian has
/// none, and there the plots came out with no text at all). On a machine without fonts these tests fail if the
/// embedded font is not used; on one with fonts they still check that the text is there.
/// </summary>
public sealed class PlotTextTests : IDisposable
{
    private readonly string _dir = PlotPictures.TempDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("title.png")]
    [InlineData("title.jpg")]
    public void A_schedule_plot_draws_its_long_title(string name)
    {
        var path = Path.Combine(_dir, name);
        Sched.Parse("combine([0.3, 0.7], [lin(0.0001, 0.01), cos(0.01, 0.00001)])").PlotSchedule(path);
        // 60 characters at 16 px: over a thousand dark pixels; a plot without text has none above its frame.
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path), 500, int.MaxValue);
    }

    [Fact]
    public void The_lr_finder_plot_draws_its_title()
    {
        var path = Path.Combine(_dir, "lr_find.png");
        var result = LrFindPlotTests.Result();
        LrFindPlot.PlotLrFind(result.Lrs, result.Losses, result.Suggestions?.Details, path);
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path), 50, int.MaxValue);
    }

    [Fact]
    public void Every_panel_of_the_recorded_schedule_draws_its_title()
    {
        var path = Path.Combine(_dir, "sched.png");
        using var learn = Synth.MlpLearner(nTrain: 4);
        var hypers = learn.FitOneCycle(1, 1e-2).Hypers;
        SchedulePlot.PlotSchedule(hypers.ToArrays().Where(h => h.Name is "lr" or "mom"), path, hypers.FirstStep, panelHeight: 300);
        // "lr" and "mom": short titles, but any glyph puts a dozen dark pixels in a band that is otherwise white.
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path, panelTop: 0), 10, int.MaxValue);
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path, panelTop: 300), 10, int.MaxValue);
    }

    [Fact]
    public void The_embedded_font_is_DejaVu_Sans_with_every_character_the_plots_write()
    {
        using var typeface = PlotFont.CreateTypeface();
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("LR finder 0123456789.e-+()[],/_= groups 0\u20132 (log scale) \u00d7\u2026"));
    }

    [Fact]
    public void ScottPlot_resolves_the_plots_font_name_to_the_embedded_font_whatever_the_system_has()
    {
        PlotFont.Apply(new Plot());
        var typeface = Fonts.GetTypeface(PlotFont.Family, bold: true, italic: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("lr"));
    }
}
