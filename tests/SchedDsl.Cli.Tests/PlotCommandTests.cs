using System.Text;
using System.Xml.Linq;
using Xunit;

namespace SchedDsl.Cli.Tests;

public sealed class PlotCommandTests : IDisposable
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scheddsl-plot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Png_is_written_with_a_png_header()
    {
        var path = Path.Combine(_dir, "sched.png");
        var (exitCode, stdout, stderr) = await CliHarness.Run("plot", "one_cycle(1e-2)", "-o", path, "--steps", "50");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Contains("sched.png", stdout, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal(PngMagic, bytes.Take(8).ToArray());
    }

    [Fact]
    public async Task Svg_has_an_svg_root_one_line_per_group_and_the_text_as_title()
    {
        var path = Path.Combine(_dir, "nested", "sched.svg");
        var (exitCode, _, stderr) = await CliHarness.Run("plot", "one_cycle(slice(1e-4, 1e-2))", "-o", path, "--groups", "3", "--format", "svg");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var svg = await File.ReadAllTextAsync(path, Encoding.UTF8, TestContext.Current.CancellationToken);
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Contains("group 2", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Svg_extension_picks_svg_without_format()
    {
        var path = Path.Combine(_dir, "flat.svg");
        var (exitCode, _, _) = await CliHarness.Run("plot", "flat_cos(0.01)", "-o", path);
        Assert.Equal(0, exitCode);
        Assert.Equal("svg", XDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("sched.jpg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("sched.jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("sched.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    public async Task The_format_follows_the_extension(string name, byte[] magic)
    {
        var path = Path.Combine(_dir, name);
        var (exitCode, _, stderr) = await CliHarness.Run("plot", "one_cycle(1e-2)", "-o", path);
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Equal(magic, (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).Take(magic.Length).ToArray());
    }

    [Fact]
    public async Task Help_says_the_default_step_count_once()
    {
        // Issue 21: the description said "Default 100." and System.CommandLine added "[default: 100]".
        var (exitCode, stdout, _) = await CliHarness.Run("plot", "--help");
        Assert.Equal(0, exitCode);
        var steps = Assert.Single(stdout.Split('\n'), l => l.TrimStart().StartsWith("--steps", StringComparison.Ordinal));
        Assert.EndsWith("[default: 100]", steps.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("Default 100", steps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_y_draws_a_log_axis_on_request()
    {
        var path = Path.Combine(_dir, "log.svg");
        var (exitCode, _, _) = await CliHarness.Run("plot", "one_cycle(1e-2)", "-o", path, "--log-y");
        Assert.Equal(0, exitCode);
        var texts = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("value (log scale)", texts);
        Assert.Contains("1e-3", texts);
    }

    [Theory]
    [InlineData(new[] { "plot", "cos(0,", "-o", "x.png" }, "error: ")]
    [InlineData(new[] { "plot", "one_cycle(0.01, div=0)", "-o", "x.png" }, "div must be > 0, got 0")]
    [InlineData(new[] { "plot", "cos(0,1)", "-o", "x.png", "--steps", "0" }, "--steps must be an integer in [1, 1000000], got '0'")]
    [InlineData(new[] { "plot", "slice(0.01)", "-o", "x.png" }, "pass --groups G")]
    [InlineData(new[] { "plot", "[0.1, 0.2]", "-o", "x.png", "--groups", "3" }, "has 2 values but there are 3 parameter groups")]
    [InlineData(new[] { "plot", "cos(0,1)", "-o", "x.png", "--format", "gif" }, "--format must be png, svg or jpeg, got 'gif'")]
    [InlineData(new[] { "plot", "cos(0,1)", "-o", "x.gif" }, "error: cannot tell the image format of 'x.gif' from its extension: use .png, .svg, .jpg or .jpeg")]
    [InlineData(new[] { "plot", "cos(0,1)", "-o", "x.png", "--format", "svg" }, "error: the format svg does not match the extension of 'x.png', which names png")]
    [InlineData(new[] { "plot", "cos(1,0)", "-o", "x.png", "--log-y" }, "error: a log y axis needs values > 0, but the value curve reaches 0")]
    [InlineData(new[] { "plot", "cos(0,1)" }, "error: ")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        ErrorOutput.Check(stderr, message);
        Assert.False(File.Exists("x.png"));
    }
}
