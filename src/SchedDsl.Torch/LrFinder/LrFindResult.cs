using SchedDsl.LrFinding;

namespace SchedDsl.Torch;

/// <summary>
/// What <see cref="Learner.LrFind"/> found: the curve (one point per batch) and the suggestions of its first run, every
/// run's curve (<see cref="Runs"/>) and how much each suggestion varies across them (<see cref="Spread"/>).
/// </summary>
/// <param name="Lrs">The learning rate of each batch: <c>SchedExp(startLr, endLr)</c> at <c>i/numIt</c>.</param>
/// <param name="Losses">The smoothed training loss after each batch (fastai's <c>recorder.losses</c>).</param>
/// <param name="Suggestions">fastai's suggestions, or null when the curve is too short.</param>
/// <param name="StoppedEarly">True when the loss diverged (over 4× its best, or NaN/∞) before <c>numIt</c> batches.</param>
/// <remarks>
/// <para>Plot it in one call with SchedDsl.Plotting, fastai's <c>plot_lr_find()</c>: <c>found.Curve.PlotLrFind("lr_find.png")</c>;
/// the runs' band: <c>found.Runs.PlotLrFindSpread("lr_find_runs.png")</c>.
/// Save it for <c>schedsl suggest</c> with <see cref="ToJson"/>, and read it back with <see cref="FromJson"/>.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record LrFindResult(IReadOnlyList<double> Lrs, IReadOnlyList<double> Losses, LrFindSuggestions? Suggestions, bool StoppedEarly)
{
    private readonly int? _numIt;
    private readonly IReadOnlyList<LrFindCurve>? _runs;

    /// <summary>
    /// The number of batches the finder was asked for (fastai's <c>num_it</c>; <see cref="Learner.LrFind"/> sets it):
    /// trimming drops <c>NumIt / 10</c> points, also from a run that stopped early. The number of points when not set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0.</exception>
    public int NumIt
    {
        get => _numIt ?? Lrs.Count;
        init => _numIt = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"NumIt must be >= 0, got {value}");
    }

    /// <summary>
    /// Every run's curve, in run order (<c>LrFind(runs: n)</c>); the first is this result's own <see cref="Curve"/>.
    /// Just that curve when not set.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an empty list.</exception>
    public IReadOnlyList<LrFindCurve> Runs
    {
        get => _runs ?? [Curve];
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _runs = value.Count > 0 ? [.. value] : throw new ArgumentException("Runs must hold at least one curve, got none", nameof(value));
        }
    }

    /// <summary>
    /// Each suggestion over <see cref="Runs"/>: per-run values, median and range, each run trimmed and suggested as
    /// <see cref="Suggestions"/> is (<see cref="LrFindSpread.Of"/>), computed when read. With one run, the median is
    /// that run's value.
    /// </summary>
    public LrFindSpread Spread => LrFindSpread.Of(Runs);

    /// <summary>The curve as SchedDsl.Core's plain <see cref="LrFindCurve"/>: what SchedDsl.Plotting draws and <c>schedsl suggest</c> reads.</summary>
    public LrFindCurve Curve => new(Lrs, Losses, NumIt);

    /// <summary>The curve as the JSON <c>schedsl suggest</c> reads: <c>{"lrs":[…],"losses":[…],"num_it":N}</c> (<see cref="LrFindCurve.ToJson"/>).</summary>
    public string ToJson() => Curve.ToJson();

    /// <summary>
    /// Reads a curve written by <see cref="ToJson"/> (or any JSON <c>schedsl suggest</c> reads) and suggests on it as
    /// <see cref="Learner.LrFind"/> does; <see cref="StoppedEarly"/> is true when it has fewer points than <c>num_it</c>.
    /// </summary>
    /// <exception cref="FormatException">Not the curve's JSON; the message says where (<see cref="LrFindCurve.FromJson"/>).</exception>
    /// <exception cref="SchedArgumentException">Different lengths, a learning rate not finite and &gt; 0, or every loss NaN.</exception>
    public static LrFindResult FromJson(string json)
    {
        var curve = LrFindCurve.FromJson(json);
        return new LrFindResult(curve.Lrs, curve.Losses, LrFindSuggestions.Compute(curve.Lrs, curve.Losses, curve.NumIt), curve.Lrs.Count < curve.NumIt)
        {
            NumIt = curve.NumIt,
        };
    }
}
