using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>The clock and the progress travel in the checkpoint; a fit keeps its clock.</summary>
public sealed class ClockCheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schedsl-clock-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Stops the fit after <paramref name="steps"/> batches (the checkpoint of that batch is written first, by order).</summary>
    private sealed class StopAfter(int steps) : Callback
    {
        public override int Order => 1000;

        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == steps)
            {
                context.RequestStop();
            }
        }
    }

    [Fact]
    public void A_fit_on_the_samples_clock_with_accumulation_resumes_with_the_same_positions_and_lrs()
    {
        using var whole = ClockRig.Learner(rows: 50, batchSize: 8);
        whole.Clock = ClockUnit.Samples;
        whole.AccumulateSamples = 16;
        var expected = whole.Fit(2, ClockRig.Lin);

        using var first = ClockRig.Learner(rows: 50, batchSize: 8);
        first.Clock = ClockUnit.Samples;
        first.AccumulateSamples = 16;
        // Stop at an accumulation boundary (8 batches of 8 = 64 samples, 4 updates), mid-epoch 2.
        first.Fit(2, ClockRig.Lin, callbacks: [new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new StopAfter(8)]);
        using var second = ClockRig.Learner(rows: 50, batchSize: 8);
        second.Clock = ClockUnit.Samples;
        second.AccumulateSamples = 16;
        var resumed = second.Fit(2, ClockRig.Lin, resumeFrom: Path.Combine(_folder, "last.ckpt"));

        Assert.Equal(expected.Positions.Skip(8), resumed.Positions);
        Assert.Equal(expected.Samples.Skip(8), resumed.Samples);
        Assert.Equal(expected.Lrs.Skip(8), resumed.Lrs);
        Assert.Equal(expected.Updates, resumed.Updates);
    }

    [Fact]
    public void Resuming_with_another_clock_is_refused_with_the_learner_unchanged()
    {
        using var first = ClockRig.Learner(rows: 50, batchSize: 16);
        first.Clock = ClockUnit.Samples;
        first.Fit(2, ClockRig.Lin, callbacks: [new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new StopAfter(3)]);
        using var second = ClockRig.Learner(rows: 50, batchSize: 16);
        var before = second.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<CheckpointException>(() => second.Fit(2, ClockRig.Lin, resumeFrom: Path.Combine(_folder, "last.ckpt")));
        Assert.Contains("was taken on the Samples clock and this fit counts Batches", error.Message, StringComparison.Ordinal);
        Assert.All(second.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(second.Recorder);
    }

    [Fact]
    public void Resuming_with_another_accumulation_is_refused()
    {
        using var first = ClockRig.Learner(rows: 50, batchSize: 8);
        first.AccumulateSamples = 16;
        first.Fit(1, ClockRig.Lin, callbacks: [new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new StopAfter(2)]);
        using var second = ClockRig.Learner(rows: 50, batchSize: 8);
        var error = Assert.Throws<CheckpointException>(() => second.Fit(1, ClockRig.Lin, resumeFrom: Path.Combine(_folder, "last.ckpt")));
        Assert.Contains("accumulating 16 samples per update and this learner accumulates 0", error.Message, StringComparison.Ordinal);
    }
}
