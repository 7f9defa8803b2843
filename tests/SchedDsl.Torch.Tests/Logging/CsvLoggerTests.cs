using Xunit;

namespace SchedDsl.Torch.Tests;

public sealed class CsvLoggerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csvlogger-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WritesTheHeaderAndOneRowPerEpoch_WithTheTablesCells()
    {
        var path = Path.Combine(_folder, "sub", "history.csv");
        using var learn = Synth.RegLearner(lr: 1e-2);
        learn.Metrics.Add(new Probe.Constant("a,b"));
        var seen = new List<int>();
        var recorder = learn.FitOneCycle(2, callbacks: [new CsvLogger(path), new Probe(_ => seen.Add(File.ReadAllLines(path).Length))]);
        Assert.Equal([2, 3], seen);
        Assert.Equal(
            ["epoch,train_loss,valid_loss,\"a,b\",time,step,batches", .. recorder.Epochs.Select(r => string.Join(',', [.. EpochColumns.Cells(r, 1), $"{r.Step}", $"{r.ClockValue}"]))],
            File.ReadAllLines(path));
    }

    [Fact]
    public void WithoutAppend_EachFitReplacesTheFile_WithAppend_RowsAccumulateUnderOneHeader()
    {
        var replaced = Path.Combine(_folder, "replaced.csv");
        var appended = Path.Combine(_folder, "appended.csv");
        using var learn = Synth.RegLearner(lr: 1e-2);
        learn.Callbacks.Add(new CsvLogger(replaced));
        learn.Callbacks.Add(new CsvLogger(appended, append: true));
        learn.FitOneCycle(2);
        learn.FitOneCycle(1);
        Assert.Equal(2, File.ReadAllLines(replaced).Length);
        var lines = File.ReadAllLines(appended);
        Assert.Equal(4, lines.Length);
        Assert.Single(lines, l => l.StartsWith("epoch,", StringComparison.Ordinal));
    }

    [Fact]
    public void AFitThatEndsNoEpoch_LeavesTheFileAsItWas()
    {
        var path = Path.Combine(_folder, "kept.csv");
        File.WriteAllText(path, "earlier run\n");
        using var learn = Synth.RegLearner();
        learn.Callbacks.Add(new CsvLogger(path));
        learn.LrFind(numIt: 5, stopDiv: false);
        Assert.Equal("earlier run\n", File.ReadAllText(path));
    }

    /// <summary>
    /// Issue 22 item 12: a fit killed after its CSV row of epoch 1 but before that epoch's checkpoint, then resumed from
    /// the epoch-0 checkpoint with the same logger. Before, the resumed fit replaced the file at its first row, keeping
    /// only the epochs it trained itself; now the file holds every epoch exactly once, the restored ones included.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void AResumedFit_ContinuesTheFile_WithEveryEpochExactlyOnce(bool append, bool fileLost)
    {
        var path = Path.Combine(_folder, "history.csv");
        var checkpoints = Path.Combine(_folder, "ckpt");
        string[] earlier = [];
        if (append)
        {
            // An earlier fit's rows in the same file: an appending logger keeps them.
            using var before = Synth.RegLearner(lr: 1e-2);
            before.FitOneCycle(2, callbacks: [new CsvLogger(path, append: true)]);
            earlier = File.ReadAllLines(path);
        }
        using (var killed = Synth.RegLearner(lr: 1e-2))
        {
            Assert.Throws<InvalidOperationException>(() => killed.FitOneCycle(3, callbacks: [new CsvLogger(path, append), new CheckpointCallback(checkpoints), new KillAfterRow(1)]));
        }
        Assert.Equal(earlier.Length + (earlier.Length == 0 ? 3 : 2), File.ReadAllLines(path).Length);
        if (fileLost)
        {
            File.Delete(path);
        }

        using var resumed = Synth.RegLearner(lr: 1e-2);
        var recorder = resumed.FitOneCycle(3, callbacks: [new CsvLogger(path, append)], resumeFrom: Path.Combine(checkpoints, "last.ckpt"));
        Assert.Equal([0, 1, 2], recorder.Epochs.Select(e => e.Epoch));
        string[] rows = [.. recorder.Epochs.Select(r => string.Join(',', [.. EpochColumns.Cells(r, 0), $"{r.Step}", $"{r.ClockValue}"]))];
        string[] expected = append && !fileLost ? [.. earlier, .. rows] : ["epoch,train_loss,valid_loss,time,step,batches", .. rows];
        Assert.Equal(expected, File.ReadAllLines(path));
    }

    /// <summary>Throws after the CSV row of epoch <paramref name="epoch"/> is written (order 60) and before its checkpoint (order 90).</summary>
    private sealed class KillAfterRow(int epoch) : Callback
    {
        public override int Order => 70;

        public override void AfterEpoch(FitContext context)
        {
            if (context.Epoch == epoch)
            {
                throw new InvalidOperationException("killed");
            }
        }
    }
}
