using Xunit;
using static TorchSharp.torch;

namespace SchedDsl.Torch.Tests;

/// <summary>The tokens clock: the samples clock with the user's count per batch (sequence models).</summary>
public sealed class TokensClockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schedsl-tokens-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>3 tokens a row plus 1 a batch: not a multiple of the rows, so the clock cannot be the samples clock by accident.</summary>
    private static long Count(Tensor input, Tensor target) => (3 * input.size(0)) + 1;

    /// <summary>50 rows in batches of 16 (16, 16, 16, 2): 49, 49, 49 and 7 tokens, 154 an epoch.</summary>
    private static Learner New()
    {
        var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Tokens;
        learn.TokensPerBatch = Count;
        return learn;
    }

    [Fact]
    public void Tokens_counts_the_users_count_of_each_batch_over_the_fits_tokens()
    {
        using var learn = New();
        var recorder = learn.Fit(2, ClockRig.Lin);
        long[] before = [0, 49, 98, 147, 154, 203, 252, 301];
        Assert.Equal(ClockUnit.Tokens, recorder.Clock);
        Assert.Equal(before, recorder.ClockValues);
        Assert.Equal(before.Select(t => (double)t / 308), recorder.Positions);
        Assert.Equal(before.Select(t => Sched.Lin(1e-3, 1e-2).At((double)t / 308)), recorder.Lrs);
        // The samples are still counted, besides.
        Assert.Equal([0L, 16, 32, 48, 50, 66, 82, 98], recorder.Samples);
        Assert.Equal([154L, 308], recorder.Epochs.Select(e => e.ClockValue));
    }

    [Fact]
    public void The_tokens_clock_without_a_count_is_refused_before_anything_changes()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Tokens;
        var before = learn.Model.parameters().Select(p => p.clone()).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => learn.Fit(1, ClockRig.Lin));
        Assert.Contains("the Tokens clock needs Learner.TokensPerBatch", error.Message, StringComparison.Ordinal);
        Assert.All(learn.Model.parameters().Zip(before), p => Assert.True(p.First.equal(p.Second).item<bool>()));
        Assert.Null(learn.Recorder);
        Assert.Null(learn.Optimizer);
    }

    [Fact]
    public void A_negative_count_or_an_epoch_of_no_tokens_is_refused_before_anything_changes()
    {
        using var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = ClockUnit.Tokens;
        learn.TokensPerBatch = (input, _) => input.size(0) == 2 ? -1 : 5;
        Assert.Contains("Learner.TokensPerBatch returned -1 for batch 3 of epoch 0; a batch's token count must be >= 0",
            Assert.Throws<InvalidOperationException>(() => learn.Fit(1, ClockRig.Lin)).Message, StringComparison.Ordinal);
        learn.TokensPerBatch = (_, _) => 0;
        Assert.Contains("counted 0 tokens in an epoch of 4 batches",
            Assert.Throws<InvalidOperationException>(() => learn.Fit(1, ClockRig.Lin)).Message, StringComparison.Ordinal);
        Assert.Null(learn.Recorder);
        Assert.Null(learn.Optimizer);
    }

    [Fact]
    public void A_fit_on_the_tokens_clock_resumes_from_its_checkpoint_with_the_same_positions_and_lrs()
    {
        using var whole = New();
        var expected = whole.Fit(2, ClockRig.Lin);
        using (var first = New())
        {
            first.Fit(2, ClockRig.Lin, callbacks: [new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new StopAfter(5)]);
        }
        using var second = New();
        var resumed = second.Fit(2, ClockRig.Lin, resumeFrom: Path.Combine(_folder, "last.ckpt"));
        Assert.Equal(expected.ClockValues.Skip(5), resumed.ClockValues);
        Assert.Equal(expected.Lrs.Skip(5).Select(BitConverter.DoubleToInt64Bits), resumed.Lrs.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_checkpoint_of_other_data_is_refused_by_its_tokens_per_epoch()
    {
        using (var first = New())
        {
            first.Fit(2, ClockRig.Lin, callbacks: [new CheckpointCallback(_folder, everySteps: 1, everyEpoch: false), new StopAfter(5)]);
        }
        using var second = New();
        second.TokensPerBatch = (input, target) => 2 * Count(input, target);
        var error = Assert.Throws<CheckpointException>(() => second.Fit(2, ClockRig.Lin, resumeFrom: Path.Combine(_folder, "last.ckpt")));
        Assert.Contains("tokens per epoch 154 there, 308 in this fit", error.Message, StringComparison.Ordinal);
        Assert.Null(second.Recorder);
    }

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
}
