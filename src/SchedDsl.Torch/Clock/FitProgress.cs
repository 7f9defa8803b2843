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
public readonly record struct FitProgress(int Epoch, int Step, int Updates, long Samples, long PendingSamples, int SkippedUpdates)
{
    /// <summary>The progress after one batch of <paramref name="rows"/> samples: <paramref name="update"/> says whether the batch ended an accumulation window, <paramref name="skipped"/> whether that window's update was skipped.</summary>
    internal FitProgress After(long rows, bool update, bool skipped) => this with
    {
        Step = Step + 1,
        Samples = Samples + rows,
        Updates = update && !skipped ? Updates + 1 : Updates,
        SkippedUpdates = update && skipped ? SkippedUpdates + 1 : SkippedUpdates,
        PendingSamples = update ? 0 : PendingSamples + rows,
    };
}
