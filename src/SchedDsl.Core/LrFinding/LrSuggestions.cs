namespace SchedDsl.LrFinding;

/// <summary>
/// fastai's learning-rate suggestions (<c>fastai/callback/schedule.py</c>: <c>minimum</c>, <c>steep</c>,
/// <c>valley</c>, <c>slide</c>) as pure functions over an LR-finder curve: one learning rate and one loss per batch.
/// </summary>
/// <remarks>
/// <para>
/// The algorithms are fastai's, quirks included (each method says which). fastai's <c>lr_find</c> does not pass the
/// recorded curve as it is: it first drops the first <c>num_it // 10</c> and the last 5 points and cuts at the first
/// NaN loss; do the same with <see cref="LrCurve.Trim"/> to get what <c>lr_find</c> returns. fastai's functions also
/// take <c>num_it</c>, which none of them reads; these do not.
/// </para>
/// <para>
/// fastai computes on <c>torch.float32</c> tensors (<c>tensor(recorder.lrs)</c>); these compute in double. On the
/// same curve the suggested lr then differs from fastai's in the 8th significant digit (fastai's is the float32
/// rounding of the same lr), and the chosen point is the same unless two candidates are within float32 rounding of
/// each other (a tie in float32 that double breaks).
/// </para>
/// <para>
/// Every function rejects, with a <see cref="SchedArgumentException"/> naming the function, parameter,
/// value and allowed range: <c>lrs</c> and <c>losses</c> of different lengths, a learning rate that is not finite
/// and &gt; 0, losses that are all NaN, and fewer points than the method needs (<see cref="RequiredPoints"/>).
/// Partial NaN losses are allowed and treated as fastai's torch/numpy code treats them. Pure; thread-safe; the
/// functions allocate nothing on the heap for curves of up to 256 points.
/// </para>
/// </remarks>
public static partial class LrSuggestions
{
    /// <summary>The fewest points <paramref name="method"/> needs with its default arguments: 1, 2 for <c>steep</c>, 16 for <c>slide</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public static int RequiredPoints(LrSuggestionMethod method) => method switch
    {
        LrSuggestionMethod.Minimum or LrSuggestionMethod.Valley => 1,
        LrSuggestionMethod.Steep => 2,
        LrSuggestionMethod.Slide => (int)SlideRequiredPoints(DefaultLrDiff),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be one of {string.Join(", ", Enum.GetNames<LrSuggestionMethod>())}, got {method}"),
    };

    /// <summary>fastai's name of <paramref name="method"/>: <c>minimum</c>, <c>steep</c>, <c>valley</c>, <c>slide</c>.</summary>
    internal static string Name(LrSuggestionMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>The suggestion of <paramref name="method"/> (with its default arguments) for the curve.</summary>
    /// <exception cref="SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public static SuggestedLr Suggest(LrSuggestionMethod method, ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses) => method switch
    {
        LrSuggestionMethod.Minimum => Minimum(lrs, losses),
        LrSuggestionMethod.Steep => Steep(lrs, losses),
        LrSuggestionMethod.Valley => Valley(lrs, losses),
        LrSuggestionMethod.Slide => Slide(lrs, losses),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be one of {string.Join(", ", Enum.GetNames<LrSuggestionMethod>())}, got {method}"),
    };

    /// <summary>
    /// All four suggestions (slide with fastai's defaults), each null when the curve is shorter than that method
    /// needs: what <c>lr_find(suggest_funcs=(minimum, steep, valley, slide))</c> returns, where fastai would raise
    /// for the short ones instead.
    /// </summary>
    /// <exception cref="SchedArgumentException">Different lengths, an lr not finite and &gt; 0, or all losses NaN.</exception>
    public static LrSuggestionSet All(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        CurveCheck.Curve("lr_find", lrs, losses);
        var n = lrs.Length;
        return new LrSuggestionSet(
            n >= RequiredPoints(LrSuggestionMethod.Minimum) ? MinimumOf(lrs, losses) : null,
            n >= RequiredPoints(LrSuggestionMethod.Steep) ? SteepOf(lrs, losses) : null,
            n >= RequiredPoints(LrSuggestionMethod.Valley) ? ValleyOf(lrs, losses) : null,
            n >= RequiredPoints(LrSuggestionMethod.Slide) ? SlideOf(lrs, losses, DefaultLrDiff, DefaultThresh, DefaultAdjustValue) : null);
    }
}
