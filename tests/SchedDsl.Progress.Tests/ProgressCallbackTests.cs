using System.Text.RegularExpressions;
using SchedDsl.Torch;
using SchedDsl.Torch.Tests;
using Spectre.Console.Testing;
using Xunit;

namespace SchedDsl.Progress.Tests;

public sealed partial class ProgressCallbackTests
{
    [Fact]
    public void Redirected_PrintsTheHeaderAndOneRowPerEpoch_FromTheRecordedNumbers_WithoutBarOrEscapes()
    {
        using var console = new TestConsole().Width(80);
        using var learn = Synth.RegLearner(lr: 1e-2);
        var recorder = learn.FitOneCycle(2, callbacks: [new ProgressCallback(console)]);
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["epoch", "train_loss", "valid_loss", "time"], Words(lines[0]));
        for (var e = 0; e < 2; e++)
        {
            Assert.Equal(EpochColumns.Cells(recorder.Epochs[e], 0), Words(lines[e + 1]));
        }
        Assert.DoesNotContain('\x1b', console.Output);
        Assert.DoesNotContain('\r', console.Output);
    }

    [Fact]
    public void The_recorders_text_table_prints_the_lines_of_the_live_table_on_a_wide_console()
    {
        using var console = new TestConsole().Width(200);
        using var learn = Synth.RegLearner(lr: 1e-2);
        var recorder = learn.FitOneCycle(2, callbacks: [new ProgressCallback(console)]);
        var layout = new ResultsTableLayout(EpochColumns.Names(recorder.MetricNames), 200);
        string[] live = [.. layout.Header(), .. recorder.Epochs.SelectMany(e => layout.Row(EpochColumns.Cells(e, recorder.MetricNames.Count)))];
        Assert.Equal(live, recorder.FormatTable().TrimEnd('\n').Split('\n'));
        Assert.All(live, line => Assert.Contains(line, console.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void EachRow_IsPrintedWhenItsEpochEnds_NotAfterTheFit()
    {
        using var console = new TestConsole().Width(80);
        using var learn = Synth.RegLearner(lr: 1e-2);
        var seen = new List<string>();
        learn.FitOneCycle(3, callbacks: [new ProgressCallback(console), new Probe(c => seen.Add(console.Output))]);
        Assert.Equal(3, seen.Count);
        for (var e = 0; e < 3; e++)
        {
            var rows = seen[e].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            Assert.Equal(e + 1, rows.Length);
            Assert.Equal(e.ToString(System.Globalization.CultureInfo.InvariantCulture), Words(rows[^1])[0]);
        }
    }

    [Fact]
    public void Interactive_TheBarShowsTheStepAndTheClocksValue()
    {
        using var console = new TestConsole().Width(200).Interactive().EmitAnsiSequences();
        using var learn = Synth.MlpLearner();
        learn.Clock = ClockUnit.Samples;
        var progress = new ProgressCallback(console) { RefreshInterval = TimeSpan.Zero };
        var recorder = learn.FitOneCycle(1, callbacks: [progress]);
        var samples = learn.Train.BatchSizes!.Sum();
        var screenLines = AnsiEscape().Replace(console.Output, "").Split('\n', '\r');
        // The last bar of the fit: every batch done, every sample seen; no update skipped, so none reported.
        Assert.Contains(screenLines, l => l.EndsWith($" step {recorder.Losses.Count} samples {samples}", StringComparison.Ordinal));
        Assert.DoesNotContain(screenLines, l => l.Contains("skipped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(120)]
    public void Interactive_DrawsTheBarInPlace_AndNoScreenLineIsWiderThanTheConsole(int width)
    {
        using var console = new TestConsole().Width(width).Interactive().EmitAnsiSequences();
        using var learn = Synth.MlpLearner();
        learn.Metrics.Add(new Probe.Constant("r2_score_long_name"));
        var progress = new ProgressCallback(console) { RefreshInterval = TimeSpan.Zero };
        var recorder = learn.FitOneCycle(2, callbacks: [progress]);
        var screenLines = AnsiEscape().Replace(console.Output, "").Split('\n', '\r');
        Assert.All(screenLines, line => Assert.True(line.Length < width, $"{line.Length} chars at width {width}: '{line}'"));
        Assert.Contains(screenLines, l => l.StartsWith("epoch 2/2 ", StringComparison.Ordinal) && l.Contains("100%", StringComparison.Ordinal));
        // The rows, once the bar is erased: every cell of every epoch, in order, on the screen.
        var text = string.Join(" ", screenLines.Where(l => !l.StartsWith("epoch ", StringComparison.Ordinal) || l.StartsWith("epoch  ", StringComparison.Ordinal)));
        var expected = recorder.Epochs.SelectMany(r => EpochColumns.Cells(r, 1)).ToArray();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, words.Where(w => !EpochColumns.Names(recorder.MetricNames).Contains(w)).ToArray());
    }

    [Fact]
    public void LrFind_ThroughLearnerCallbacks_ShowsOneBarOverNumItAndNoTable()
    {
        using var console = new TestConsole().Width(100).Interactive().EmitAnsiSequences();
        using var learn = Synth.RegLearner();
        learn.Callbacks.Add(new ProgressCallback(console) { RefreshInterval = TimeSpan.Zero });
        learn.LrFind(numIt: 5, stopDiv: false);
        var screen = AnsiEscape().Replace(console.Output, "");
        Assert.Contains("epoch 1/1 ", screen, StringComparison.Ordinal);
        Assert.Contains("100% 5/5 ", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("train_loss", screen, StringComparison.Ordinal);
        Assert.EndsWith("\n", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEpochWithoutValidation_ReadsNoneForTheLossAndTheMetrics()
    {
        // 15 LR-finder iterations over 10 batches per epoch: the first epoch ends, unvalidated, with no metric values.
        using var console = new TestConsole().Width(100);
        using var learn = Synth.RegLearner();
        learn.Metrics.Add(new Probe.Constant("accuracy"));
        learn.Callbacks.Add(new ProgressCallback(console));
        learn.LrFind(numIt: 15, stopDiv: false);
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["0", "None", "None"], Words(lines[1]).Where((_, i) => i is 0 or 2 or 3));
    }

    [Fact]
    public void LrFind_Redirected_PrintsNothing()
    {
        using var console = new TestConsole().Width(100);
        using var learn = Synth.RegLearner();
        learn.Callbacks.Add(new ProgressCallback(console));
        learn.LrFind(numIt: 5, stopDiv: false);
        Assert.Equal("", console.Output);
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
