using ScottPlot;
using Xunit;

namespace SchedDsl.Plotting.Tests;

/// <summary>Users' own plots saved through <see cref="PlotPanels"/> get the embedded font and stack like the library's.</summary>
public sealed class PlotPanelsTests : IDisposable
{
    private readonly string _dir = PlotPictures.TempDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Two_panels_stack_and_each_draws_its_title()
    {
        var path = Path.Combine(_dir, "mine.png");
        PlotPanels.Save([Titled("accuracy per epoch"), Titled("the schedules")], path, width: 600, panelHeight: 300);
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        Assert.Equal((600, 600), (bitmap.Width, bitmap.Height));
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path, panelTop: 0), 50, int.MaxValue);
        Assert.InRange(PlotPictures.DarkPixelsInTitleBand(path, panelTop: 300), 50, int.MaxValue);
    }

    [Fact]
    public void Titles_annotations_and_line_labels_are_drawn_in_the_embedded_font()
    {
        var plot = Titled("results");
        var note = plot.Add.Text("valley: 88 %", 0.5, 0.5);
        var line = plot.Add.VerticalLine(0.5);
        line.LabelText = "unfreeze";
        PlotPanels.Save([plot], Path.Combine(_dir, "font.svg"));
        Assert.Equal(PlotFont.Family, plot.Axes.Title.Label.FontName);
        Assert.Equal(PlotFont.Family, note.LabelStyle.FontName);
        Assert.Equal(PlotFont.Family, line.LabelStyle.FontName);
    }

    [Fact]
    public void No_panel_is_refused() =>
        Assert.Throws<ArgumentException>(() => PlotPanels.Save([], Path.Combine(_dir, "none.png")));

    [Fact]
    public void Log_ticks_read_as_the_values()
    {
        var plot = new Plot();
        plot.Add.ScatterLine(new[] { -5.0, -1.0 }, new[] { 1.0, 2.0 });
        PlotPanels.UseLogTicks(plot.Axes.Bottom, -5, -1);
        plot.Axes.SetLimitsX(-5, -1);
        plot.RenderInMemory(400, 300);
        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label).Where(l => l.Length > 0).ToList();
        Assert.Contains("1e-3", labels);
    }

    private static Plot Titled(string title)
    {
        var plot = new Plot();
        plot.Add.ScatterLine(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 });
        plot.Title(title);
        return plot;
    }
}
