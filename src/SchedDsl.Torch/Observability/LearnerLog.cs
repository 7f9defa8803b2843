using Microsoft.Extensions.Logging;

namespace SchedDsl.Torch;

/// <summary>
/// Every event the <see cref="Learner"/> logs (<see cref="Learner.Logger"/>), with its stable event id: compiled by the
/// <c>LoggerMessage</c> source generator, so a disabled level costs one <c>IsEnabled</c> check and allocates nothing.
/// </summary>
/// <remarks>Ids 1–9 are the training loop's and the LR finder's; docs/observability.md lists them. Keep ids stable: log queries filter on them.</remarks>
internal static partial class LearnerLog
{
    [LoggerMessage(EventId = 1, EventName = "FitStarted", Level = LogLevel.Information,
        Message = "Fit started: {Epochs} epochs of {Batches} batches from iteration {StartIteration}; schedules {Schedules}")]
    public static partial void FitStarted(ILogger logger, int epochs, int batches, int startIteration, string schedules);

    [LoggerMessage(EventId = 2, EventName = "EpochEnded", Level = LogLevel.Information, Message = "Epoch {Epoch}: {Row}")]
    public static partial void EpochEnded(ILogger logger, int epoch, string row);

    [LoggerMessage(EventId = 3, EventName = "FitEnded", Level = LogLevel.Information,
        Message = "Fit ended at iteration {Iteration} of {TotalIterations} after {Seconds:0.0} s")]
    public static partial void FitEnded(ILogger logger, int iteration, int totalIterations, double seconds);

    [LoggerMessage(EventId = 4, EventName = "FitStopped", Level = LogLevel.Information,
        Message = "Fit stopped early by a callback at epoch {Epoch}, batch {Batch} (iteration {Iteration} of {TotalIterations})")]
    public static partial void FitStopped(ILogger logger, int epoch, int batch, int iteration, int totalIterations);

    [LoggerMessage(EventId = 5, EventName = "TrainingDiverged", Level = LogLevel.Error,
        Message = "Training diverged at epoch {Epoch}, batch {Batch}: the loss is {Loss}; the model keeps the last finite batch's parameters")]
    public static partial void TrainingDiverged(ILogger logger, int epoch, int batch, double loss, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "FitCancelled", Level = LogLevel.Warning,
        Message = "Fit cancelled at epoch {Epoch}, batch {Batch} (iteration {Iteration}); the model keeps the batches trained so far")]
    public static partial void FitCancelled(ILogger logger, int epoch, int batch, int iteration);

    [LoggerMessage(EventId = 7, EventName = "CheckpointWritten", Level = LogLevel.Information,
        Message = "Checkpoint written to {Path} at iteration {Iteration}")]
    public static partial void CheckpointWritten(ILogger logger, string path, int iteration);

    [LoggerMessage(EventId = 8, EventName = "LrFindSuggested", Level = LogLevel.Information,
        Message = "LR finder suggests valley {Valley:0.00e+0}, steep {Steep:0.00e+0}, minimum/10 {Minimum:0.00e+0}, slide {Slide:0.00e+0} ({Points} points, stopped early: {StoppedEarly})")]
    public static partial void LrFindSuggested(ILogger logger, double valley, double steep, double minimum, double? slide, int points, bool stoppedEarly);

    [LoggerMessage(EventId = 9, EventName = "LrFindNoSuggestion", Level = LogLevel.Warning,
        Message = "LR finder has no suggestion: its curve of {Points} points is too short once trimmed (stopped early: {StoppedEarly}); run more iterations")]
    public static partial void LrFindNoSuggestion(ILogger logger, int points, bool stoppedEarly);
}
