namespace SchedDsl.Torch;

/// <summary>What a fit carries besides the model and optimizer, and a checkpoint must hold to resume it exactly.</summary>
/// <param name="Schedules">The fit's schedules.</param>
/// <param name="Smooth">The training-loss smoother.</param>
internal sealed record FitState(IReadOnlyDictionary<HyperParameter, Sched> Schedules, SmoothLoss Smooth);
