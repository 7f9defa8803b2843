using static TorchSharp.torch;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// What the schedules' position counts in the next fits (<see cref="ClockUnit.Batches"/>, fastai's <c>pct_train</c>,
    /// by default). Read when a fit starts and stored in its checkpoints: a fit resumed with another clock is refused.
    /// The LR finder always counts batches. <see cref="ClockUnit.Tokens"/> also needs <see cref="TokensPerBatch"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a <see cref="ClockUnit"/>; the clock stays as it was.</exception>
    public ClockUnit Clock
    {
        get;
        set => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Clock must be one of {string.Join(", ", Enum.GetNames<ClockUnit>())}, got {value}");
    } = ClockUnit.Batches;

    /// <summary>
    /// Gradient accumulation (fastai's <c>GradientAccumulation(n_acc)</c>): step the optimizer once every this many
    /// samples, each batch's loss gradient scaled by <c>rows / n_acc</c>; 0 (the default) steps after every batch.
    /// A count that would exceed an epoch's samples is refused when the fit starts.
    /// </summary>
    public int AccumulateSamples { get; set; }

    /// <summary>
    /// Gradient clipping (fastai's <c>GradientClip(max_norm)</c>, whose default is 1.0): before each update the
    /// gradients' total 2-norm is scaled down to at most this; null (the default) does not clip.
    /// </summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>
    /// When true, an update whose gradients are not finite (their total norm is NaN or ∞, as after a mixed-precision
    /// overflow) is skipped: the gradients are zeroed, the optimizer does not step, and the skip is counted
    /// (<see cref="FitContext.SkippedUpdates"/>, <see cref="Recorder.SkippedUpdates"/>). A non-finite loss still raises
    /// <see cref="TrainingDivergedException"/>. Default false, as fastai.
    /// </summary>
    public bool SkipNonFiniteUpdates { get; set; }

    /// <summary>Checks the training-step settings before a fit changes anything.</summary>
    private void CheckTrainingStep()
    {
        if (AccumulateSamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AccumulateSamples), AccumulateSamples, $"AccumulateSamples must be >= 0 (0: no accumulation), got {AccumulateSamples}");
        }
        if (GradientClipNorm is { } norm && !(norm > 0 && double.IsFinite(norm)))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), norm, $"GradientClipNorm must be a finite number > 0 or null, got {norm}");
        }
    }

    /// <summary>
    /// The backward pass of one batch of <paramref name="rows"/> rows, and the update when it ends an accumulation window
    /// (fastai's <c>_do_grad_opt</c> with <c>GradientAccumulation</c>, <c>GradientClip</c> and the non-finite guard).
    /// Returns the progress after the batch, which also counts its <paramref name="tokens"/>.
    /// </summary>
    private FitProgress Step(optim.Optimizer optimizer, Tensor loss, long rows, long tokens, FitProgress progress)
    {
        if (progress.PendingSamples == 0)
        {
            optimizer.zero_grad();
        }
        var accumulate = AccumulateSamples;
        if (accumulate > 0)
        {
            // fastai: loss_grad /= n_acc / bs, so the accumulated gradient is the mean over the window's samples.
            using var scaled = loss.div((double)accumulate / rows);
            scaled.backward();
        }
        else
        {
            loss.backward();
        }
        var update = accumulate == 0 || progress.PendingSamples + rows >= accumulate;
        var skipped = update && !Update(optimizer);
        return progress.After(rows, tokens, update, skipped);
    }

    /// <summary>Clips and steps; false when the guard skipped the update.</summary>
    private bool Update(optim.Optimizer optimizer)
    {
        if (GradientClipNorm is null && !SkipNonFiniteUpdates)
        {
            optimizer.step();
            return true;
        }
        var parameters = Model.parameters().Where(p => p.requires_grad).ToArray();
        // Without a clip the norm is still needed for the guard: a max of ∞ scales by 1, leaving the gradients' bits.
        var norm = nn.utils.clip_grad_norm_(parameters, GradientClipNorm ?? double.PositiveInfinity);
        if (SkipNonFiniteUpdates && !double.IsFinite(norm))
        {
            optimizer.zero_grad();
            TrainingMeter.SkipUpdate();
            return false;
        }
        optimizer.step();
        return true;
    }
}
