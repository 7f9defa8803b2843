namespace SchedDsl.Torch.Tests;

/// <summary>A trunk fit and a checkpoint of it, for branching off.</summary>
internal static class BranchRig
{
    /// <summary>A warmup then a constant lr (a WSD trunk without its decay), and a momentum that moves, so a branch's stretch of it shows.</summary>
    public static readonly IReadOnlyDictionary<HyperParameter, Sched> Trunk = new Dictionary<HyperParameter, Sched>
    {
        [HyperParameter.LearningRate] = Sched.WsdLinear(lr: 1e-2, warmupPct: 0.25, decayPct: 0),
        [HyperParameter.Momentum] = Sched.Cos(0.95, 0.85),
    };

    /// <summary>3 epochs of 4 batches (16, 16, 16, 2 rows).</summary>
    public const int Epochs = 3;

    /// <summary>The trunk checkpoint's step: batch 2 of epoch 2, mid-epoch.</summary>
    public const int At = 6;

    /// <summary>A learner on <paramref name="clock"/>, accumulating <paramref name="accumulate"/> samples per update.</summary>
    public static Learner New(ClockUnit clock = ClockUnit.Batches, int accumulate = 0)
    {
        var learn = ClockRig.Learner(rows: 50, batchSize: 16);
        learn.Clock = clock;
        learn.AccumulateSamples = accumulate;
        // Tokens: 3 a row plus 1 a batch (49, 49, 49 and 7 an epoch), so the tokens clock is not the samples clock.
        learn.TokensPerBatch = clock == ClockUnit.Tokens ? (input, _) => (3 * input.size(0)) + 1 : null;
        return learn;
    }

    /// <summary>Fits the trunk whole and keeps a copy of its checkpoint after <see cref="At"/> batches at <paramref name="path"/>.</summary>
    public static Recorder FitTrunk(string folder, string path, ClockUnit clock = ClockUnit.Batches, int accumulate = 0)
    {
        using var learn = New(clock, accumulate);
        return learn.Fit(Epochs, Trunk, callbacks: [new CheckpointCallback(folder, everySteps: 1, everyEpoch: false), new CopyAt(At, Path.Combine(folder, "last.ckpt"), path)]);
    }

    /// <summary>Copies the checkpoint written after batch <paramref name="step"/> (this runs after <see cref="CheckpointCallback"/>, by order).</summary>
    private sealed class CopyAt(int step, string from, string to) : Callback
    {
        public override int Order => 1000;

        public override void AfterBatch(FitContext context)
        {
            if (context.Iteration == step)
            {
                File.Copy(from, to);
            }
        }
    }

    /// <summary>Cancels the fit after <paramref name="steps"/> batches, once that batch's checkpoint is written: the fit ends as if killed.</summary>
    public sealed class CancelAfter(int steps, CancellationTokenSource source) : Callback
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

    public static long Raw(double value) => BitConverter.DoubleToInt64Bits(value);
}
