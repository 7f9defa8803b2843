namespace SchedDsl.LrFinding;

/// <summary>
/// The four suggestions for one curve, as <see cref="LrSuggestions.All"/> computes them. A member is null when the
/// curve has fewer points than that method needs (<see cref="LrSuggestions.RequiredPoints"/>), as fastai's
/// <c>slide</c> on a curve of fewer than 16 points.
/// </summary>
/// <param name="Minimum">fastai's <c>minimum</c>, or null on an empty curve.</param>
/// <param name="Steep">fastai's <c>steep</c>, or null with fewer than 2 points.</param>
/// <param name="Valley">fastai's <c>valley</c>, or null on an empty curve.</param>
/// <param name="Slide">fastai's <c>slide</c> with its defaults, or null with fewer than 16 points.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct LrSuggestionSet(SuggestedLr? Minimum, SuggestedLr? Steep, SuggestedLr? Valley, SuggestedLr? Slide)
{
    /// <summary>The suggestion of <paramref name="method"/>, or null where it could not be computed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public SuggestedLr? this[LrSuggestionMethod method] => method switch
    {
        LrSuggestionMethod.Minimum => Minimum,
        LrSuggestionMethod.Steep => Steep,
        LrSuggestionMethod.Valley => Valley,
        LrSuggestionMethod.Slide => Slide,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be one of {string.Join(", ", Enum.GetNames<LrSuggestionMethod>())}, got {method}"),
    };
}
