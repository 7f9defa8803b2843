namespace SchedDsl.Torch;

/// <summary>
/// Where a fit is, counted in every unit a clock can use. The loop advances one value after each trained batch; the
/// fit's clock maps it to the schedules' position, and nothing else counts on its own.
/// </summary>
/// <param name="Epoch">The current epoch, from 0.</param>
/// <param name="Step">Training batches done in the fit.</param>
/// <param name="Updates">Optimizer updates applied.</param>
/// <param name="Samples">Samples seen (the rows of every batch done).</param>
/// <param name="PendingSamples">Samples whose gradients are accumulated but not yet applied (<see cref="Learner.AccumulateSamples"/>).</param>
/// <param name="SkippedUpdates">Updates skipped because their gradients were not finite (<see cref="Learner.SkipNonFiniteUpdates"/>).</param>
/// <param name="Tokens">Tokens seen (<see cref="Learner.TokensPerBatch"/> of every batch done); counted on the <see cref="ClockUnit.Tokens"/> clock only, 0 on the others.</param>
public readonly record struct FitProgress(int Epoch, int Step, int Updates, long Samples, long PendingSamples, int SkippedUpdates, long Tokens = 0)
{
    /// <summary>The progress after one batch of <paramref name="rows"/> samples and <paramref name="tokens"/> tokens: <paramref name="update"/> says whether the batch ended an accumulation window, <paramref name="skipped"/> whether that window's update was skipped.</summary>
    internal FitProgress After(long rows, long tokens, bool update, bool skipped) => this with
    {
        Step = Step + 1,
        Samples = Samples + rows,
        Tokens = Tokens + tokens,
        Updates = update && !skipped ? Updates + 1 : Updates,
        SkippedUpdates = update && skipped ? SkippedUpdates + 1 : SkippedUpdates,
        PendingSamples = update ? 0 : PendingSamples + rows,
    };
}
