using System.Globalization;
using System.Xml.Linq;
using SchedDsl.Torch.Tests;
using Xunit;

namespace SchedDsl.Plotting.Tests;

public sealed class SchedulePlotTests : IDisposable
{
    private readonly string _dir = PlotPictures.TempDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private SvgPlotTexts Svg(string text, int groups = 1, bool? logY = null)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".svg");
        Sched.Parse(text).PlotSchedule(path, groups: groups, logY: logY);
        return SvgPlotTexts.Read(path);
    }

    [Fact]
    public void Groups_with_equal_curves_share_one_legend_entry()
    {
        Assert.Equal(["groups 0\u20132"], Svg("cos(0.1, 0)", groups: 3).Legend.Select(t => t.Text));
        Assert.Equal(["groups 0, 1", "group 2"], Svg("cos([0.1, 0.1, 0.05], 0)", groups: 3).Legend.Select(t => t.Text));
        Assert.Empty(Svg("cos(0.1, 0)").Legend);
    }

    [Theory]
    [InlineData("one_cycle(slice(1e-4, 1e-2))", 3, "value (log scale)")] // the body groups lay flat at 0 on a linear axis
    [InlineData("lr_finder()", 1, "value (log scale)")] // a flat line, then a spike
    [InlineData("one_cycle(0.01)", 1, "value")] // falls below lr/100 only in its last steps: the familiar picture
    [InlineData("cos(0, 1)", 1, "value")]
    public void The_y_axis_is_log_when_most_values_span_more_than_two_decades(string text, int groups, string yLabel)
    {
        var texts = Svg(text, groups);
        Assert.Equal(yLabel, texts.YLabel);
        if (yLabel.EndsWith("(log scale)", StringComparison.Ordinal))
        {
            Assert.Contains(texts.YTicks, t => t.Text == "1e-3");
        }
    }

    [Fact]
    public void Log_y_on_request_and_a_clear_error_when_a_value_is_not_positive()
    {
        Assert.Equal("value (log scale)", Svg("one_cycle(0.01)", logY: true).YLabel);
        Assert.Equal("value", Svg("lr_finder()", logY: false).YLabel);
        var error = Assert.Throws<ArgumentException>(() => Svg("cos(1, 0)", logY: true));
        Assert.StartsWith("a log y axis needs values > 0, but the value curve reaches 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exp(0.01, 0.05)", new[] { "0.01", "0.02", "0.03", "0.04", "0.05" })]
    [InlineData("exp(0.002, 0.05)", new[] { "0.002", "0.005", "0.01", "0.02", "0.05" })] // 1…9 would be 13 ticks
    public void A_log_axis_under_two_decades_is_labelled_with_round_values(string text, string[] ticks) =>
        Assert.Equal(ticks, Svg(text, logY: true).YTicks.OrderByDescending(t => t.Y).Select(t => t.Text));

    [Theory]
    [InlineData("0.999")]
    [InlineData("lin(0.999, 0.999)")]
    [InlineData("[0.95, 0.95]")]
    public void A_constant_is_drawn_on_a_narrow_axis_around_its_value(string text)
    {
        var value = Sched.Parse(text).ForGroups(text.StartsWith('[') ? 2 : 1)[0].At(0);
        var ticks = Svg(text, groups: text.StartsWith('[') ? 2 : 1).YTicks.Select(t => double.Parse(t.Text, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 3, $"{ticks.Count} y ticks");
        // Within 5% of the value (the window is ±5%): not ScottPlot's ±1 around it (a 0–2 axis for 0.999).
        Assert.All(ticks, tick => Assert.InRange(tick, value * 0.95, value * 1.05));
    }

    [Theory]
    [InlineData("s.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData("s.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData("s.jpg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("s.jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("s.svg", new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m', (byte)'l' })]
    public void The_format_follows_the_extension(string name, byte[] magic)
    {
        var path = Path.Combine(_dir, name);
        Sched.Cos(0, 1).PlotSchedule(path);
        Assert.Equal(magic, File.ReadAllBytes(path).Take(magic.Length).ToArray());
    }

    [Theory]
    [InlineData("s.gif", null, "cannot tell the image format of")]
    [InlineData("s", null, "cannot tell the image format of")]
    [InlineData("s.png", PlotFormat.Svg, "the format svg does not match the extension of")]
    public void An_unknown_or_contradicted_extension_is_an_error_and_writes_nothing(string name, PlotFormat? format, string message)
    {
        var path = Path.Combine(_dir, name);
        var error = Assert.Throws<ArgumentException>(() => Sched.Cos(0, 1).PlotSchedule(path, format: format));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_format_named_for_a_file_without_a_known_extension_is_written()
    {
        var path = Path.Combine(_dir, "schedule.out");
        Sched.Cos(0, 1).PlotSchedule(path, format: PlotFormat.Svg);
        Assert.Equal("svg", XDocument.Load(path).Root!.Name.LocalName);
    }

    [Fact]
    public void The_recorded_schedule_as_svg_stacks_one_panel_per_hyper_parameter_with_the_name_as_y_label()
    {
        var path = Path.Combine(_dir, "sched.svg");
        using var learn = Synth.MlpLearner(nTrain: 4);
        var hypers = learn.FitOneCycle(1, Hyper.Slice(1e-4, 1e-2)).Hypers;
        SchedulePlot.PlotSchedule(hypers.ToArrays().Where(h => h.Name is "lr" or "mom"), path, hypers.FirstStep, panelHeight: 300);
        var root = XDocument.Load(path).Root!;
        Assert.Equal(["0", "300"], root.Elements().Select(panel => (string)panel.Attribute("y")!));
        var texts = PlotPictures.Texts(path).Select(t => t.Text).ToList();
        Assert.Contains("lr (log scale)", texts); // a slice's groups lie two decades apart
        Assert.Contains("mom", texts);
        Assert.Contains("groups 0\u20132", texts); // momentum is the same for every group
        Assert.Contains("group 2", texts);
    }
}
