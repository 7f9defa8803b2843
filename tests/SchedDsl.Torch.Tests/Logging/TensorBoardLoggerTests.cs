using Xunit;

namespace SchedDsl.Torch.Tests;

public sealed class TensorBoardLoggerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tensorboard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LogsEveryScheduledHyperPerGroupAndTheSmoothLossPerBatch_AndValidationPerEpoch()
    {
        using var learn = Synth.MlpLearner();
        learn.Metrics.Add(new Probe.Constant("accuracy"));
        var recorder = learn.FitOneCycle(2, Hyper.Slice(1e-4, 1e-2), callbacks: [new TensorBoardLogger(_folder)]);

        var events = TensorBoardEvents.Read(Assert.Single(Directory.GetFiles(_folder, "events.out.tfevents.*")));
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        var scalars = events.Skip(1).SelectMany(e => e.Summary.Value.Select(v => (v.Tag, e.Step, Value: (double)v.SimpleValue)))
            .GroupBy(s => s.Tag).ToDictionary(g => g.Key, g => g.ToArray());
        string[] perBatch = [.. from h in new[] { "lr", "mom" } from g in Enumerable.Range(0, 3) select $"hypers/{h}/group{g}", "train/smooth_loss", "clock/batches"];
        Assert.Equal(perBatch.Append("valid/loss").Append("valid/accuracy").Order(StringComparer.Ordinal), scalars.Keys.Order(StringComparer.Ordinal));
        foreach (var tag in perBatch)
        {
            Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), scalars[tag].Select(s => s.Step));
        }
        for (var g = 0; g < 3; g++)
        {
            // Logged as float (TensorBoard's simple_value): compare at float precision.
            Assert.Equal(recorder.Hypers.Get(HyperParameter.LearningRate, g).Select(v => (float)v), scalars[$"hypers/lr/group{g}"].Select(s => (float)s.Value));
        }
        Assert.Equal(recorder.Losses.Select(v => (float)v), scalars["train/smooth_loss"].Select(s => (float)s.Value));
        // The clock's value each batch's schedules were evaluated at: on the batches clock, the batch's own step.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (double)i), scalars[TensorBoardLogger.ClockTag(ClockUnit.Batches)].Select(s => s.Value));
        Assert.Equal([9L, 19L], scalars["valid/loss"].Select(s => s.Step));
        Assert.Equal(recorder.Epochs.Select(r => (float)r.ValidLoss!.Value), scalars["valid/loss"].Select(s => (float)s.Value));
        Assert.Equal([0.5, 0.5], scalars["valid/accuracy"].Select(s => s.Value));
    }

    /// <summary>
    /// Issue 21: TorchSharp's SummaryWriter wrote the file-version record's wall_time in .NET ticks (6.4e17) and the
    /// scalars' in whole Unix seconds. Read back, every record is Unix seconds from the run, in order.
    /// </summary>
    [Fact]
    public void EveryRecordsWallTimeIsUnixSecondsOfTheRun()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        learn.FitOneCycle(1, callbacks: [new TensorBoardLogger(_folder)]);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var wallTimes = TensorBoardEvents.Read(Assert.Single(Directory.GetFiles(_folder, "events.out.tfevents.*"))).Select(e => e.WallTime).ToList();
        Assert.True(wallTimes.Count > 10);
        // Millisecond bounds around a 100 ns clock: a record may read up to 1 ms before `before` rounds.
        Assert.All(wallTimes, t => Assert.InRange(t, before - 1e-3, after + 1e-3));
        Assert.Equal(wallTimes.Order(), wallTimes);
    }

    [Fact]
    public void WallTimesKeepSubSecondPrecision()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_250));
        using var learn = Synth.RegLearner(lr: 1e-2);
        learn.FitOneCycle(1, callbacks: [new TensorBoardLogger(_folder, clock)]);
        var events = TensorBoardEvents.Read(Assert.Single(Directory.GetFiles(_folder, "events.out.tfevents.*")));
        // 1,800,000,000.25 s is exact in a double; the writer splits whole seconds from the fraction to keep it.
        Assert.All(events, e => Assert.Equal(1_800_000_000.25, e.WallTime));
        Assert.Equal("brain.Event:2", events[0].FileVersion);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void ALaterFitContinuesTheSteps()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var logger = new TensorBoardLogger(_folder);
        learn.FitOneCycle(1, callbacks: [logger]);
        learn.FitOneCycle(1, callbacks: [logger]);
        var events = TensorBoardEvents.Read(Assert.Single(Directory.GetFiles(_folder, "events.out.tfevents.*")));
        var steps = events.Where(e => e.Summary?.Value.Any(v => v.Tag == TensorBoardLogger.SmoothLossTag) == true).Select(e => e.Step);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), steps);
    }
}
