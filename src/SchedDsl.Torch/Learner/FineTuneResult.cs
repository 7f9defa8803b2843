namespace SchedDsl.Torch;

/// <summary>The two phases of <see cref="Learner.FineTune"/>.</summary>
/// <param name="Frozen">The recorder of the frozen phase, or null when <c>freezeEpochs</c> was 0.</param>
/// <param name="Unfrozen">The recorder of the unfrozen phase.</param>
public sealed record FineTuneResult(Recorder? Frozen, Recorder Unfrozen);
