using System.Text.RegularExpressions;
using SchedDsl.Tests.Shared;
using Spectre.Console.Testing;
using Xunit;

namespace SchedDsl.Demo.Tests;

/// <summary>
/// The README's main job on a small budget, through the console path a real terminal takes (interactive, ANSI): the
/// path redirected runs never exercised, where the demo used to crash after its first fit.
/// </summary>
public sealed partial class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scheddsl-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DemoOptions Small(bool fineTune) => new()
    {
        // 16 batches of 128: the LR finder's 15 iterations end inside its one epoch.
        TrainSamples = 2048,
        TestSamples = 512,
        Epochs = 2,
        LrFindIterations = 15,
        FineTune = fineTune,
        FineTuneEpochs = 1,
        OutputDirectory = _dir,
        Threads = 1,
    };

    [Theory]
    [InlineData(40)]
    [InlineData(120)]
    public void In_an_interactive_terminal_runs_to_the_end_with_a_table_row_per_epoch_and_no_line_wider_than_the_screen(int width)
    {
        RequiredData.FashionMnist();
        using var console = new TestConsole().Width(width).Interactive().EmitAnsiSequences();
        Assert.Equal(0, DemoCommand.Run(Small(fineTune: true), console, TestContext.Current.CancellationToken));

        var screen = Screen(console.Output);
        Assert.All(screen, line => Assert.True(line.Length <= width, $"{line.Length} chars at width {width}: '{line}'"));
        // One-cycle 2 epochs, pretrain 2, fine-tune's frozen 1 and unfrozen 1: six rows, each epoch counted from 0.
        var epochs = screen.Select(l => Row().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([0, 1, 0, 1, 0, 0], epochs);
        Assert.Contains(screen, l => l.StartsWith("epoch 1/1 ", StringComparison.Ordinal) && l.Contains("100%", StringComparison.Ordinal));
        Assert.Contains(screen, l => l.StartsWith("wrote ", StringComparison.Ordinal));
        Assert.True(new FileInfo(Path.Combine(_dir, "sched.png")).Length > 0);
    }

    [Fact]
    public void Csv_and_tensorboard_log_the_one_cycle_fit()
    {
        RequiredData.FashionMnist();
        using var console = new TestConsole().Width(80);
        var csv = Path.Combine(_dir, "history.csv");
        var logDir = Path.Combine(_dir, "tb");
        Assert.Equal(0, DemoCommand.Run(Small(fineTune: false) with { CsvPath = csv, TensorBoardDirectory = logDir }, console, TestContext.Current.CancellationToken));

        var lines = File.ReadAllLines(csv);
        Assert.Equal("epoch,train_loss,valid_loss,accuracy,time,step,batches", lines[0]);
        Assert.Equal(3, lines.Length);
        // The CSV rows are the printed rows' cells, then where each epoch ended: 16 batches an epoch, on the batches clock.
        var printed = console.Output.Split('\n').Where(l => Row().IsMatch(l)).Select(l => string.Join(',', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(lines[1..].Select(l => string.Join(',', l.Split(',')[..^2])), printed);
        Assert.Equal(["16,16", "32,32"], lines[1..].Select(l => string.Join(',', l.Split(',')[^2..])));
        Assert.Single(Directory.GetFiles(logDir, "events.out.tfevents.*"));
    }

    /// <summary>What a terminal shows: ANSI sequences removed, a carriage return starting the line afresh.</summary>
    private static string[] Screen(string output) =>
        Ansi().Replace(output, "").Split('\n').Select(l => l[(l.LastIndexOf('\r') + 1)..]).ToArray();

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^(\d+) +\d+\.\d{6} ")]
    private static partial Regex Row();
}
