using System.Text.Json;
using Xunit;

namespace SchedDsl.Cli.Tests;

/// <summary><c>eval</c> and <c>plot</c> on metric-driven schedules: a clear refusal without metrics, a replay with them.</summary>
public sealed class AdaptiveCommandTests
{
    private const string Canonical = "combine([0.1, 0.7, 0.2], [lin(1e-4, 1e-3), plateau(1e-3, factor=0.5, patience=1), from_current(cooldown_sqrt(1))])";

    [Theory]
    [InlineData("eval")]
    [InlineData("plot")]
    public async Task Without_metrics_an_adaptive_schedule_is_refused_in_one_line(string command)
    {
        string[] args = command == "eval" ? ["eval", Canonical] : ["plot", Canonical, "-o", Path.Combine(Path.GetTempPath(), "schedsl-adaptive-refused.png")];
        var (exitCode, stdout, stderr) = await CliHarness.Run(args);
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        ErrorOutput.Check(stderr.TrimEnd(), "is metric-driven: its values depend on the metrics it observes; pass --metrics");
    }

    [Fact]
    public async Task Eval_replays_the_metrics_through_the_fold()
    {
        var (exitCode, stdout, stderr) = await CliHarness.Run("eval", Canonical, "--steps", "20", "--metrics", "1,0.9,0.9,0.9,0.9,0.9,0.9,0.9,0.9", "--every", "2");
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var values = JsonSerializer.Deserialize<double[]>(stdout)!;
        // Observed before steps 2, 4, …: the loss stops improving at step 4, so with patience 1 the plateau halves
        // before steps 8, 12 and 16 (the observation at 16 is the cooldown's, which ignores it: 0.8 is its start).
        Assert.Equal(1e-3, values[7], 15);
        Assert.Equal(5e-4, values[8], 15);
        Assert.Equal(2.5e-4, values[12], 15);
        Assert.Equal(2.5e-4, values[16], 15);
        // The cooldown from where the plateau left: 1-sqrt at 0.25 of its span is half.
        Assert.Equal(1.25e-4, values[17], 15);
    }

    [Fact]
    public async Task Plot_writes_the_replayed_schedule()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schedsl-adaptive-{Guid.NewGuid():N}.png");
        try
        {
            var (exitCode, stdout, stderr) = await CliHarness.Run("plot", Canonical, "-o", path, "--metrics", "1,0.9,0.9,0.9", "--every", "20");
            Assert.Equal(0, exitCode);
            Assert.Equal("", stderr);
            Assert.Contains("wrote", stdout, StringComparison.Ordinal);
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("plateau(0.1, factor=1.5)", "plateau: factor must be in (0, 1), got 1.5")]
    [InlineData("greedy(0.1, factor=0)", "greedy: factor must be in (0, 1), got 0")]
    public async Task A_factor_outside_0_1_names_the_argument_and_its_range(string text, string message)
    {
        var (exitCode, _, stderr) = await CliHarness.Run("eval", text, "--metrics", "1");
        Assert.Equal(2, exitCode);
        ErrorOutput.Check(stderr.TrimEnd(), message);
    }

    [Fact]
    public async Task Metrics_for_a_planned_schedule_are_refused()
    {
        var (exitCode, _, stderr) = await CliHarness.Run("eval", "cos(1, 0)", "--metrics", "1");
        Assert.Equal(2, exitCode);
        ErrorOutput.Check(stderr.TrimEnd(), "--metrics replays a metric-driven schedule");
    }
}
