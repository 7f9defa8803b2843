namespace SchedDsl.Generators.Model;

/// <summary>The outcome of reading one attributed type: a model to emit (null when it cannot be completed) and diagnostics.</summary>
internal sealed record SchedulerResult(SchedulerModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
