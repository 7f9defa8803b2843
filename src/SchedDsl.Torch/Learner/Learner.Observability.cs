using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// Where the learner logs its events (default <see cref="NullLogger.Instance"/>: none): each fit's start and end,
    /// each epoch's results row, a checkpoint written, the LR finder's suggestions, an early stop, a divergence and a
    /// cancellation. Pass one from your <see cref="ILoggerFactory"/> (<c>factory.CreateLogger&lt;Learner&gt;()</c>).
    /// </summary>
    /// <remarks>
    /// Nothing is logged per batch, and a disabled level costs one <see cref="ILogger.IsEnabled"/> check. The events
    /// and their ids are listed in docs/observability.md. Metrics need no setting: every fit publishes to the
    /// <see cref="SchedDslMeter.Name"/> meter.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Set to null; use <see cref="NullLogger.Instance"/> for none.</exception>
    public ILogger Logger
    {
        get;
        set => field = value ?? throw new ArgumentNullException(nameof(value), "use NullLogger.Instance to log nothing");
    } = NullLogger.Instance;
}
