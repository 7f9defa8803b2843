using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>
/// The Learner folds an adaptive schedule's metric at its declared points, applies what the fold says, and keeps the
/// state in its checkpoint (the resume law itself, for these fits too, is <see cref="ResumeLawTests"/>).
/// </summary>
public sealed class AdaptiveFitTests
{
    [Fact]
    public void A_plateau_reduces_at_epoch_ends_as_the_replayed_fold_says()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        // threshold 10 (relative): no epoch is ever better (as in ReduceLrOnPlateauTests), so with patience 1 the
        // rate is halved after epochs 1 and 3 (and 5, after the last batch).
        var sched = AdaptiveSched.Plateau(Sched.FlatCos(1e-2, pctStart: 0.5), factor: 0.5, patience: 1, threshold: 10);
        var recorder = learn.Fit(6, sched);
        // Replay: the recorded valid losses, one per epoch of 10 batches, through the same fold, bit for bit.
        var replayed = sched.Sample(60, [.. recorder.Epochs.Select(e => e.ValidLoss!.Value)], observeEvery: 10);
        Assert.Equal(replayed, recorder.Lrs);
        var planned = Sched.FlatCos(1e-2, pctStart: 0.5).Sample(60);
        Assert.Equal(1, recorder.Lrs[19] / planned[19], 12);
        Assert.Equal(0.5, recorder.Lrs[20] / planned[20], 12);
        Assert.Equal(0.25, recorder.Lrs[59] / planned[59], 12);
    }

    [Fact]
    public void A_damaged_state_in_the_checkpoint_is_refused_with_a_clear_error()
    {
        var folder = Directory.CreateTempSubdirectory("schedsl-adaptive-").FullName;
        try
        {
            using var learn = Synth.RegLearner(lr: 1e-2);
            var checkpoints = new CheckpointCallback(folder);
            var sched = AdaptiveSched.Plateau(Sched.Const(1e-2), factor: 0.5, patience: 0, threshold: 10);
            learn.Fit(2, sched, callbacks: [checkpoints]);
            var other = AdaptiveSched.Plateau(Sched.Const(1e-2), factor: 0.25, patience: 0, threshold: 10);
            var error = Assert.Throws<CheckpointException>(() => learn.Fit(2, other, resumeFrom: checkpoints.LastPath));
            Assert.Contains("belongs to another fit", error.Message, StringComparison.Ordinal);
            error = Assert.Throws<CheckpointException>(() => learn.Fit(3, sched, resumeFrom: checkpoints.LastPath));
            Assert.Contains("an adaptive fit is not re-planned", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Observing_mid_epoch_needs_the_train_loss()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var error = Assert.Throws<ArgumentException>(() => learn.Fit(1, AdaptiveSched.Plateau(Sched.Const(1e-2), every: 3)));
        Assert.Contains("only train_loss is known", error.Message, StringComparison.Ordinal);
    }
}
