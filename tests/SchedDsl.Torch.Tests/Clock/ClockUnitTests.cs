using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>The fit's clock: which unit the schedules' position counts, and what the recorder and context report.</summary>
public sealed class ClockUnitTests
{
    [Fact]
    public void Batches_is_the_default_and_gives_i_over_total_bit_for_bit()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        Assert.Equal(ClockUnit.Batches, learn.Clock);
        var recorder = learn.Fit(2, ClockRig.Lin);
        var total = 2 * learn.Train.Count;
        Assert.Equal(ClockUnit.Batches, recorder.Clock);
        Assert.Equal(Enumerable.Range(0, total).Select(i => Positions.At(i, total)), recorder.Positions);
        Assert.Equal(Enumerable.Range(0, total).Select(i => Sched.Lin(1e-3, 1e-2).At((double)i / total)), recorder.Lrs);
        Assert.Equal(total, recorder.Updates);
    }

    [Fact]
    public void Samples_counts_the_rows_seen_before_each_batch_with_the_last_partial_batch_at_its_real_size()
    {
        // 50 rows in batches of 16: 16, 16, 16, 2 per epoch, 100 samples over two epochs.
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        var recorder = learn.Fit(2, ClockRig.Lin);
        long[] before = [0, 16, 32, 48, 50, 66, 82, 98];
        Assert.Equal(before, recorder.Samples);
        Assert.Equal(before.Select(s => (double)s / 100), recorder.Positions);
        Assert.Equal(before.Select(s => Sched.Lin(1e-3, 1e-2).At((double)s / 100)), recorder.Lrs);
    }

    [Fact]
    public void Samples_gives_the_same_lrs_at_the_same_sample_counts_at_any_batch_size()
    {
        using var small = ClockRig.Learner(rows: 64, batchSize: 8);
        using var large = ClockRig.Learner(rows: 64, batchSize: 16);
        small.Clock = large.Clock = ClockUnit.Samples;
        var a = small.Fit(2, ClockRig.Lin);
        var b = large.Fit(2, ClockRig.Lin);
        var bySamples = a.Samples.Zip(a.Lrs).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(2 * b.Lrs.Count, a.Lrs.Count);
        foreach (var (samples, lr) in b.Samples.Zip(b.Lrs))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(lr), BitConverter.DoubleToInt64Bits(bySamples[samples]));
        }
    }

    [Fact]
    public void Accumulated_micro_batches_follow_the_one_batch_lr_curve_under_the_samples_clock()
    {
        // The simulation of docs/training.md: k = 2 micro-batches of b = 8 accumulated into one update of 16 samples
        // train at the lrs one batch of 16 trains at, at every sample count both reach, with as many updates.
        using var micro = ClockRig.Learner(rows: 64, batchSize: 8);
        using var whole = ClockRig.Learner(rows: 64, batchSize: 16);
        micro.Clock = whole.Clock = ClockUnit.Samples;
        micro.AccumulateSamples = 16;
        var a = micro.Fit(3, ClockRig.Lin);
        var b = whole.Fit(3, ClockRig.Lin);
        Assert.Equal(b.Updates, a.Updates);
        var bySamples = a.Samples.Zip(a.Lrs).ToDictionary(p => p.First, p => p.Second);
        Assert.All(b.Samples.Zip(b.Lrs), p => Assert.Equal(BitConverter.DoubleToInt64Bits(p.Second), BitConverter.DoubleToInt64Bits(bySamples[p.First])));
    }

    [Fact]
    public void Updates_with_accumulation_applies_per_update_the_lrs_one_large_batch_applies_per_batch()
    {
        using var micro = ClockRig.Learner(rows: 64, batchSize: 8);
        using var whole = ClockRig.Learner(rows: 64, batchSize: 16);
        micro.Clock = ClockUnit.Updates;
        micro.AccumulateSamples = 16;
        var a = micro.Fit(2, ClockRig.Lin);
        var b = whole.Fit(2, ClockRig.Lin);
        // Both micro-batches of a window train at the window's position; the update does not move it in between.
        Assert.Equal(b.Lrs.SelectMany(lr => new[] { lr, lr }).Select(BitConverter.DoubleToInt64Bits), a.Lrs.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(b.Updates, a.Updates);
    }

    [Fact]
    public void Epochs_is_a_staircase_that_moves_only_at_epoch_boundaries()
    {
        using var learn = ClockRig.Learner(rows: 48, batchSize: 16);
        learn.Clock = ClockUnit.Epochs;
        var recorder = learn.Fit(4, ClockRig.Lin);
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(e => Enumerable.Repeat(e / 4.0, 3)), recorder.Positions);
    }

    [Fact]
    public void The_context_reports_the_clock_the_position_and_the_progress()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        var seen = new List<(double Position, FitProgress Before, long Total)>();
        learn.Fit(1, ClockRig.Lin, callbacks: [new OnBatch(c => seen.Add((c.Position, c.Progress, c.ClockTotal)))]);
        Assert.Equal([0, 16, 32, 48], seen.Select(s => s.Before.Samples));
        Assert.Equal([0, 1, 2, 3], seen.Select(s => s.Before.Step));
        Assert.All(seen, s => Assert.Equal(50, s.Total));
        Assert.Equal([0, 0.32, 0.64, 0.96], seen.Select(s => s.Position));
    }

    [Fact]
    public void Accumulation_larger_than_an_epoch_is_refused_before_anything_changes()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.AccumulateSamples = 51;
        var before = learn.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<ArgumentException>(() => learn.Fit(1, ClockRig.Lin));
        Assert.Contains("AccumulateSamples is 51 but an epoch has 50 samples", error.Message, StringComparison.Ordinal);
        Assert.All(learn.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(learn.Recorder);
    }

    [Fact]
    public void A_negative_accumulation_or_a_bad_clip_norm_is_refused()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.AccumulateSamples = -1;
        Assert.Contains("AccumulateSamples must be >= 0", Assert.Throws<ArgumentOutOfRangeException>(() => learn.Fit(1)).Message, StringComparison.Ordinal);
        learn.AccumulateSamples = 0;
        learn.GradientClipNorm = double.NaN;
        Assert.Contains("GradientClipNorm must be a finite number > 0", Assert.Throws<ArgumentOutOfRangeException>(() => learn.Fit(1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_clock_is_refused_when_set_and_the_learner_keeps_its_clock()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Samples;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => learn.Clock = (ClockUnit)99);
        Assert.Contains("Clock must be one of Batches, Updates, Samples, Epochs, Tokens, got 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(ClockUnit.Samples, learn.Clock);
        Assert.Null(learn.Recorder);
    }

    [Fact]
    public void An_unknown_policy_is_refused_when_set()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => learn.ReplanPolicy = (ReplanPolicy)7);
        Assert.Contains("ReplanPolicy must be one of Stretch, HoldThenDecay, got 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReplanPolicy.Stretch, learn.ReplanPolicy);
    }

    [Fact]
    public void The_samples_clock_needs_batch_sizes_and_says_so()
    {
        using var inner = ClockRig.Learner(rows: 50, batchSize: 16);
        using var learn = new Learner(inner.Model, new Unsized(inner.Train), null, inner.LossFunction) { Clock = ClockUnit.Samples };
        var error = Assert.Throws<ArgumentException>(() => learn.Fit(1));
        Assert.Contains("the Samples clock needs the training data's batch sizes", error.Message, StringComparison.Ordinal);
    }

    private sealed class Unsized(IBatchSource source) : IBatchSource
    {
        public int Count => source.Count;

        public IEnumerable<Batch> GetBatches(int epoch) => source.GetBatches(epoch);
    }

    private sealed class OnBatch(Action<FitContext> action) : Callback
    {
        public override void BeforeBatch(FitContext context) => action(context);
    }
}
