using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>Resuming a checkpoint with another number of epochs re-plans the fit (stretch) instead of refusing it.</summary>
public sealed class ReplanResumeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schedsl-replan-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Last => Path.Combine(_folder, "last.ckpt");

    /// <summary>Cancels the fit after <paramref name="steps"/> batches, once that batch's checkpoint is written: the fit ends as if killed, with no epoch row for the epoch it was in.</summary>
    private sealed class KillAfter(int steps, CancellationTokenSource source) : Callback
    {
        public override int Order => 1000;

        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == steps)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>Runs <paramref name="fit"/> with a checkpoint every batch until it is killed after <paramref name="steps"/> batches.</summary>
    private void Killed(int steps, Action<Callback[], CancellationToken> fit)
    {
        using var source = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => fit([new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new KillAfter(steps, source)], source.Token));
    }

    private static Learner New(ClockUnit clock = ClockUnit.Batches)
    {
        var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = clock;
        return learn;
    }

    [Theory]
    [InlineData(ClockUnit.Batches)]
    [InlineData(ClockUnit.Samples)]
    public void A_two_epoch_fit_resumed_for_three_goes_on_without_a_jump_and_ends_at_the_schedules_end(ClockUnit clock)
    {
        // 4 batches an epoch (16, 16, 16, 2 rows); stopped after 6 batches, mid-epoch 2.
        var lin = ClockRig.Lin[HyperParameter.LearningRate];
        using (var first = New(clock))
        {
            Killed(6, (callbacks, token) => first.Fit(2, ClockRig.Lin, callbacks: callbacks, cancellation: token));
        }
        using var second = New(clock);
        var resumed = second.Fit(3, ClockRig.Lin, resumeFrom: Last);
        Assert.Equal(6, resumed.Hypers.FirstStep);
        Assert.Equal(12 - 6, resumed.Lrs.Count);
        // No jump: the first batch after the resume trains at the value the 2-epoch fit would have used there.
        var (done, planned) = clock == ClockUnit.Batches ? (6.0, 8.0) : (82.0, 100.0);
        Assert.Equal(BitConverter.DoubleToInt64Bits(lin.At(done / planned)), BitConverter.DoubleToInt64Bits(resumed.Lrs[0]));
        // Then the rest of the 2-epoch curve stretched over 3 epochs: still rising, and the last batch near the end.
        Assert.True(resumed.Lrs.Zip(resumed.Lrs.Skip(1)).All(p => p.Second > p.First));
        Assert.InRange(resumed.Lrs[^1], lin.At(0.95), lin.At(1));
        // The results table holds every epoch of the extended fit: the one restored and the two trained after.
        Assert.Equal([0, 1, 2], resumed.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void The_checkpoint_of_an_extended_fit_is_an_ordinary_resumable_checkpoint()
    {
        using (var first = New())
        {
            Killed(6, (callbacks, token) => first.Fit(2, ClockRig.Lin, callbacks: callbacks, cancellation: token));
        }
        var trunk = Path.Combine(_folder, "trunk.ckpt");
        File.Copy(Last, trunk);
        using var straight = New();
        var expected = straight.Fit(3, ClockRig.Lin, resumeFrom: trunk);
        using (var interrupted = New())
        {
            Killed(9, (callbacks, token) => interrupted.Fit(3, ClockRig.Lin, callbacks: callbacks, resumeFrom: trunk, cancellation: token));
        }
        using var again = New();
        var resumed = again.Fit(3, ClockRig.Lin, resumeFrom: Last);
        Assert.Equal(expected.Lrs.Skip(3).Select(BitConverter.DoubleToInt64Bits), resumed.Lrs.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Losses.Skip(3), resumed.Losses);
    }

    [Fact]
    public void A_new_length_shorter_than_what_was_trained_is_refused_with_the_learner_unchanged()
    {
        using (var first = New())
        {
            Killed(9, (callbacks, token) => first.Fit(3, ClockRig.Lin, callbacks: callbacks, cancellation: token));
        }
        using var second = New();
        var before = second.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<CheckpointException>(() => second.Fit(2, ClockRig.Lin, resumeFrom: Last));
        Assert.Contains("has trained 9 batches (epoch 3 of 3); a fit of 2 epochs has 8: resume with at least 3 epochs", error.Message, StringComparison.Ordinal);
        Assert.All(second.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(second.Recorder);
    }

    [Fact]
    public void A_shorter_length_that_still_holds_what_was_trained_re_plans_too()
    {
        using (var first = New())
        {
            Killed(5, (callbacks, token) => first.Fit(3, ClockRig.Lin, callbacks: callbacks, cancellation: token));
        }
        using var second = New();
        var resumed = second.Fit(2, ClockRig.Lin, resumeFrom: Last);
        Assert.Equal(3, resumed.Lrs.Count);
        Assert.Equal(BitConverter.DoubleToInt64Bits(ClockRig.Lin[HyperParameter.LearningRate].At(5.0 / 12)), BitConverter.DoubleToInt64Bits(resumed.Lrs[0]));
    }

    /// <summary>wsd over 8 batches: 2 of warmup, stable to batch 6, a decay of 2 batches.</summary>
    private static readonly Dictionary<HyperParameter, Sched> Wsd = new()
    {
        [HyperParameter.LearningRate] = Sched.Wsd(1e-2, warmupPct: 0.25, decayPct: 0.25),
    };

    [Fact]
    public void Hold_then_decay_lengthens_the_stable_phase_and_keeps_the_decay_as_many_units_long()
    {
        var wsd = Wsd[HyperParameter.LearningRate];
        using (var first = New())
        {
            Killed(3, (callbacks, token) => first.Fit(2, Wsd, callbacks: callbacks, cancellation: token));
        }
        using var second = New();
        Assert.Equal(ReplanPolicy.Stretch, second.ReplanPolicy);
        second.ReplanPolicy = ReplanPolicy.HoldThenDecay;
        var resumed = second.Fit(3, Wsd, resumeFrom: Last);
        // Batches 3 to 11 of 12: stable at the peak up to batch 9, then the planned decay's two batches.
        Assert.Equal(9, resumed.Lrs.Count);
        Assert.All(resumed.Lrs.Take(7), lr => Assert.Equal(1e-2, lr));
        // The decay's values at the same distance from the end as planned (tolerance: positions i/8 and i/12 round differently).
        Assert.Equal(wsd.At(6.0 / 8), resumed.Lrs[^2], 1e-15);
        Assert.Equal(wsd.At(7.0 / 8), resumed.Lrs[^1], 1e-15);
        Assert.True(resumed.Lrs[^1] < resumed.Lrs[^2]);
    }

    [Fact]
    public void Hold_then_decay_on_a_schedule_that_is_not_warmup_stable_decay_is_refused_with_the_learner_unchanged()
    {
        using (var first = New())
        {
            Killed(3, (callbacks, token) => first.Fit(2, ClockRig.Lin, callbacks: callbacks, cancellation: token));
        }
        using var second = New();
        second.ReplanPolicy = ReplanPolicy.HoldThenDecay;
        var before = second.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<CheckpointException>(() => second.Fit(3, ClockRig.Lin, resumeFrom: Last));
        Assert.Contains("cannot resume a 2-epoch fit as 3 epochs with Learner.ReplanPolicy = HoldThenDecay: its lr schedule refuses it: replan_hold_then_decay: sched must be a call of wsd", error.Message, StringComparison.Ordinal);
        Assert.Contains("use ReplanPolicy.Stretch (any schedule), or resume with 2 epochs", error.Message, StringComparison.Ordinal);
        Assert.All(second.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(second.Recorder);
    }

    [Fact]
    public void Hold_then_decay_once_the_decay_has_begun_is_refused_with_the_learner_unchanged()
    {
        using (var first = New())
        {
            Killed(7, (callbacks, token) => first.Fit(2, Wsd, callbacks: callbacks, cancellation: token));
        }
        using var second = New();
        second.ReplanPolicy = ReplanPolicy.HoldThenDecay;
        var before = second.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<CheckpointException>(() => second.Fit(3, Wsd, resumeFrom: Last));
        Assert.Contains("at must be <= 6, where the decay begins", error.Message, StringComparison.Ordinal);
        Assert.All(second.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(second.Recorder);
        // The same checkpoint resumes with the default policy.
        second.ReplanPolicy = ReplanPolicy.Stretch;
        Assert.Equal(5, second.Fit(3, Wsd, resumeFrom: Last).Lrs.Count);
    }
}
