namespace SchedDsl.LrFinding;

/// <summary>
/// fastai's four suggestions over several LR-finder runs (for example <c>Learner.LrFind(runs: 5)</c> of
/// SchedDsl.Torch, or several curves given to <c>schedsl suggest</c>): each method's per-run values, median and range
/// (<see cref="LrSuggestionSpread"/>).
/// </summary>
/// <remarks>
/// Each run is suggested on its own curve, then the values are aggregated: curves of different lengths, or of
/// different learning-rate grids, need no interpolation, and every per-run value is exactly what fastai's
/// <c>lr_find</c> would have suggested for that run. Pure; immutable; thread-safe.
/// </remarks>
public sealed class LrFindSpread
{
    private static readonly LrSuggestionMethod[] Methods = Enum.GetValues<LrSuggestionMethod>();

    private readonly LrSuggestionSet?[] _perRun;
    private readonly LrSuggestionSpread?[] _spreads;

    private LrFindSpread(LrSuggestionSet?[] perRun)
    {
        _perRun = perRun;
        _spreads = [.. Methods.Select(method =>
        {
            var values = perRun.Select(run => run?[method]?.Lr).ToArray();
            return values.Any(v => v is not null) ? new LrSuggestionSpread(method, values) : null;
        })];
    }

    /// <summary>
    /// The spread of the suggestions <c>lr_find</c> makes for each curve: trimmed as it trims
    /// (<see cref="LrFindCurve.Suggest"/>), so a run's values are those of <c>LrFindResult.Suggestions</c>.
    /// </summary>
    /// <param name="curves">The runs' curves, at least one; lengths and learning rates may differ.</param>
    /// <exception cref="ArgumentException">No curve.</exception>
    /// <exception cref="SchedArgumentException">A curve with a learning rate not finite and &gt; 0, or every loss NaN.</exception>
    public static LrFindSpread Of(IReadOnlyList<LrFindCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        return OfSuggestions([.. curves.Select(curve => (curve ?? throw new ArgumentException("a curve is null", nameof(curves))).Suggest())]);
    }

    /// <summary>The spread of suggestions already computed, one set per run (null for a run too short for any).</summary>
    /// <param name="runs">Each run's suggestions (<see cref="LrSuggestions.All"/> or <see cref="LrFindCurve.Suggest"/>), at least one.</param>
    /// <exception cref="ArgumentException">No run.</exception>
    public static LrFindSpread OfSuggestions(IReadOnlyList<LrSuggestionSet?> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("a spread needs at least one run, got none", nameof(runs));
        }
        return new LrFindSpread([.. runs]);
    }

    /// <summary>The number of runs.</summary>
    public int Runs => _perRun.Length;

    /// <summary>Each run's four suggestions, in run order; null for a run whose curve was too short for any.</summary>
    public IReadOnlyList<LrSuggestionSet?> PerRun => _perRun;

    /// <summary>fastai's <c>minimum</c> over the runs, or null when no run has it.</summary>
    public LrSuggestionSpread? Minimum => this[LrSuggestionMethod.Minimum];

    /// <summary>fastai's <c>steep</c> over the runs, or null when no run has it.</summary>
    public LrSuggestionSpread? Steep => this[LrSuggestionMethod.Steep];

    /// <summary>fastai's <c>valley</c> (its default) over the runs, or null when no run has it.</summary>
    public LrSuggestionSpread? Valley => this[LrSuggestionMethod.Valley];

    /// <summary>fastai's <c>slide</c> over the runs, or null when no run's curve had its 16 points.</summary>
    public LrSuggestionSpread? Slide => this[LrSuggestionMethod.Slide];

    /// <summary>The spread of <paramref name="method"/>, or null when no run has that suggestion.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public LrSuggestionSpread? this[LrSuggestionMethod method] => Enum.IsDefined(method)
        ? _spreads[Array.IndexOf(Methods, method)]
        : throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be one of {string.Join(", ", Enum.GetNames<LrSuggestionMethod>())}, got {method}");

    /// <summary>One line per method that has a value, e.g. <c>valley 2.1e-3 (1.4e-3 … 3.2e-3, ×2.3 over 5 of 5 runs)</c>.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _spreads.OfType<LrSuggestionSpread>());
}
