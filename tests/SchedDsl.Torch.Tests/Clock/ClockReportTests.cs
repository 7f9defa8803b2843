using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>The clock's value, reported besides the step by the context, the recorder, the results rows and the loggers.</summary>
public sealed class ClockReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedsl-clock-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_context_reports_the_samples_seen_before_a_batch_and_after_it()
    {
        // 50 rows in batches of 16: 16, 16, 16, 2.
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        var seen = new List<(string When, int Iteration, long Value)>();
        learn.Fit(1, ClockRig.Lin, callbacks: [new Watch(seen)]);
        Assert.Equal([0L, 16, 32, 48], seen.Where(s => s.When == "before").Select(s => s.Value));
        Assert.Equal([16L, 32, 48, 50], seen.Where(s => s.When == "after").Select(s => s.Value));
        Assert.Equal([1, 2, 3, 4], seen.Where(s => s.When == "after").Select(s => s.Iteration));
    }

    [Theory]
    [InlineData(ClockUnit.Batches, new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, new long[] { 4, 8 })]
    [InlineData(ClockUnit.Samples, new long[] { 0, 16, 32, 48, 50, 66, 82, 98 }, new long[] { 50, 100 })]
    [InlineData(ClockUnit.Updates, new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, new long[] { 4, 8 })]
    [InlineData(ClockUnit.Epochs, new long[] { 0, 0, 0, 0, 1, 1, 1, 1 }, new long[] { 1, 2 })]
    public void The_recorder_and_the_results_rows_hold_the_clocks_value_besides_the_step(ClockUnit clock, long[] perBatch, long[] perEpoch)
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = clock;
        var recorder = learn.Fit(2, ClockRig.Lin);
        Assert.Equal(perBatch, recorder.ClockValues);
        // An epoch's row holds where it ended: the epochs clock counts the epoch just finished.
        Assert.Equal(perEpoch, recorder.Epochs.Select(e => e.ClockValue));
        Assert.Equal([4, 8], recorder.Epochs.Select(e => e.Step));
    }

    [Fact]
    public void The_csv_logger_writes_the_step_and_the_clocks_value_after_the_tables_columns()
    {
        var path = Path.Combine(_folder, "history.csv");
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        learn.Fit(2, ClockRig.Lin, callbacks: [new CsvLogger(path)]);
        var lines = File.ReadAllLines(path);
        Assert.Equal("epoch,train_loss,valid_loss,time,step,samples", lines[0]);
        Assert.Equal(["4,50", "8,100"], lines[1..].Select(l => string.Join(',', l.Split(',')[^2..])));
    }

    [Fact]
    public void The_tensorboard_logger_writes_the_clocks_value_each_batch_trained_at()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        learn.Fit(2, ClockRig.Lin, callbacks: [new TensorBoardLogger(_folder)]);
        var events = TensorBoardEvents.Read(Assert.Single(Directory.GetFiles(_folder, "events.out.tfevents.*")));
        var clock = events.Skip(1).SelectMany(e => e.Summary.Value.Where(v => v.Tag == "clock/samples").Select(v => (e.Step, Value: (double)v.SimpleValue))).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), clock.Select(c => c.Step));
        Assert.Equal([0.0, 16, 32, 48, 50, 66, 82, 98], clock.Select(c => c.Value));
    }

    private sealed class Watch(List<(string When, int Iteration, long Value)> seen) : Callback
    {
        public override void BeforeBatch(FitContext context) => seen.Add(("before", context.Iteration, context.ClockValue));

        public override void AfterBatch(FitContext context) => seen.Add(("after", context.Iteration, context.ClockValue));
    }
}
