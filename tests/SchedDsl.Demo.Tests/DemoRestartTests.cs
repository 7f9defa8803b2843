using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;
using Xunit;

namespace SchedDsl.Demo.Tests;

/// <summary>
/// Restarting the demo with <c>--resume</c> (issue 22 items 12 and 13), in-process and on a small budget: a run stopped
/// in its second epoch and resumed with the same <c>--csv</c> leaves every epoch in the file exactly once, and a run
/// resumed from the checkpoint of a finished fit ends as the fit did: plots, digest, exit code 0.
/// </summary>
public sealed partial class DemoRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scheddsl-restart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv => Path.Combine(_dir, "history.csv");

    private string Checkpoints => Path.Combine(_dir, "ckpt");

    private DemoOptions Small(int epochs) => new()
    {
        // 16 batches of 128: the LR finder's 15 iterations end inside its one epoch.
        TrainSamples = 2048,
        TestSamples = 512,
        Epochs = epochs,
        LrFindIterations = 15,
        FineTune = false,
        OutputDirectory = Path.Combine(_dir, "out"),
        Threads = 1,
        CsvPath = Csv,
        CheckpointDirectory = Checkpoints,
    };

    [Fact]
    public void Stopped_in_epoch_2_and_resumed_with_the_same_csv_the_file_holds_every_epoch_once()
    {
        RequiredData.FashionMnist();
        using var stop = new CancellationTokenSource();
        // Cancelled as epoch 0's row is printed: the epoch-end checkpoint (after the row) is written, and the fit stops
        // before the first batch of epoch 1, the way a kill in epoch 2 leaves it.
        using var console = new TestConsole().Width(200);
        var stopping = new CancelAtFirstRow(console, stop);
        Assert.ThrowsAny<OperationCanceledException>(() => DemoCommand.Run(Small(epochs: 2), stopping, stop.Token));
        Assert.Equal(2, File.ReadAllLines(Csv).Length);

        var (code, output) = Run(Small(epochs: 2) with { ResumeDirectory = Checkpoints });
        Assert.True(code == 0, output);
        var lines = File.ReadAllLines(Csv);
        Assert.Equal("epoch,train_loss,valid_loss,accuracy,time,step,batches", lines[0]);
        Assert.Equal(["0", "1"], lines[1..].Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Resumed_from_a_finished_fit_writes_the_plots_and_the_digest_and_exits_0()
    {
        RequiredData.FashionMnist();
        var (code, output) = Run(Small(epochs: 1));
        Assert.True(code == 0, output);
        var digest = Digest().Match(output).Groups[1].Value;
        Assert.NotEmpty(digest);
        var plots = new[] { "sched.png", "lr_find.png" }.Select(f => Path.Combine(_dir, "out", f)).ToArray();
        foreach (var plot in plots)
        {
            File.Delete(plot);
        }
        // The file lost meanwhile: the restored rows are written again.
        File.Delete(Csv);

        var (resumedCode, resumed) = Run(Small(epochs: 1) with { ResumeDirectory = Checkpoints });
        Assert.True(resumedCode == 0, resumed);
        Assert.Equal(digest, Digest().Match(resumed).Groups[1].Value);
        Assert.All(plots, plot => Assert.True(new FileInfo(plot).Length > 0, plot));
        Assert.Equal(2, File.ReadAllLines(Csv).Length);
    }

    /// <summary>Runs the demo as its command line does: exit code 0, or 2 with one error line.</summary>
    private static (int Code, string Output) Run(DemoOptions options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ErrorLine.Run(stderr, () => DemoCommand.Run(options, stdout, TestContext.Current.CancellationToken));
        return (code, stdout.ToString() + stderr);
    }

    [GeneratedRegex("weights sha256: ([0-9a-f]{64})")]
    private static partial Regex Digest();

    [GeneratedRegex(@"^0 +\d+\.\d{6} ", RegexOptions.Multiline)]
    private static partial Regex FirstRow();

    /// <summary>A console that cancels <paramref name="stop"/> once the results row of epoch 0 is printed.</summary>
    private sealed class CancelAtFirstRow(TestConsole inner, CancellationTokenSource stop) : IAnsiConsole
    {
        public Profile Profile => inner.Profile;

        public IAnsiConsoleCursor Cursor => inner.Cursor;

        public IAnsiConsoleInput Input => inner.Input;

        public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

        public RenderPipeline Pipeline => inner.Pipeline;

        public void Clear(bool home) => inner.Clear(home);

        public void Write(IRenderable renderable)
        {
            inner.Write(renderable);
            if (FirstRow().IsMatch(inner.Output))
            {
                stop.Cancel();
            }
        }

        public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
    }
}
