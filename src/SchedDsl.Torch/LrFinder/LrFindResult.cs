namespace SchedDsl.Torch;

/// <summary>What <see cref="Learner.LrFind"/> found: the curve (one point per batch) and the suggestions.</summary>
/// <param name="Lrs">The learning rate of each batch: <c>SchedExp(startLr, endLr)</c> at <c>i/numIt</c>.</param>
/// <param name="Losses">The smoothed training loss after each batch (fastai's <c>recorder.losses</c>).</param>
/// <param name="Suggestions">fastai's suggestions, or null when the curve is too short.</param>
/// <param name="StoppedEarly">True when the loss diverged (over 4× its best, or NaN/∞) before <c>numIt</c> batches.</param>
public sealed record LrFindResult(IReadOnlyList<double> Lrs, IReadOnlyList<double> Losses, LrFindSuggestions? Suggestions, bool StoppedEarly);
