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
            ["epoch,train_loss,valid_loss,\"a,b\",time", .. recorder.Epochs.Select(r => string.Join(',', EpochColumns.Cells(r, 1)))],
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
}
