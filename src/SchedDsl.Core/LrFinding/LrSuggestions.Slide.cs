using SchedDsl.Validation;

namespace SchedDsl.LrFinding;

public static partial class LrSuggestions
{
    /// <summary>fastai's default <c>lr_diff</c> of <see cref="Slide"/>: the window is 15 points wide.</summary>
    public const int DefaultLrDiff = 15;

    /// <summary>fastai's default <c>thresh</c> of <see cref="Slide"/>.</summary>
    public const double DefaultThresh = .005;

    /// <summary>fastai's default <c>adjust_value</c> of <see cref="Slide"/>.</summary>
    public const double DefaultAdjustValue = 1.0;

    /// <summary>
    /// fastai's <c>slide</c> (an "interval slide rule"): takes the loss gradient (<c>np.gradient</c>, unit
    /// spacing) and slides a window of <paramref name="lrDiff"/> points leftwards from the end of the curve while
    /// the gradients at its two ends differ by more than <paramref name="thresh"/>; suggests the learning rate at the
    /// window's left end where it stopped (the last one that still differed, or the first window if none did),
    /// times <paramref name="adjustValue"/>.
    /// </summary>
    /// <remarks>
    /// Needs <c>lrDiff + 1</c> points (16 with the defaults), and at least 2 for the gradient; fastai raises an
    /// <c>IndexError</c> on a shorter curve, this names the counts. A NaN gradient stops the slide (the comparison is
    /// false), as in numpy. The point's loss is <c>np.interp(log10(lr), log10(lrs), losses)</c>, which assumes
    /// increasing <paramref name="lrs"/> as an LR finder records them; with <c>adjustValue = 1</c> it is the loss at
    /// that point.
    /// </remarks>
    /// <param name="lrs">The learning rates, one per batch, increasing.</param>
    /// <param name="losses">The (smoothed) losses, one per batch.</param>
    /// <param name="lrDiff">The window width in points, &gt;= 0 (fastai's <c>lr_diff</c>).</param>
    /// <param name="thresh">The gradient difference at which the slide stops, finite (fastai's <c>thresh</c>).</param>
    /// <param name="adjustValue">The factor applied to the learning rate found, finite and &gt; 0 (fastai's <c>adjust_value</c>).</param>
    /// <exception cref="SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>) or argument.</exception>
    public static SuggestedLr Slide(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses,
        int lrDiff = DefaultLrDiff, double thresh = DefaultThresh, double adjustValue = DefaultAdjustValue)
    {
        Require.AtLeast("slide", "lr_diff", lrDiff, 0);
        Require.Finite("slide", "thresh", thresh);
        Require.Positive("slide", "adjust_value", adjustValue);
        CurveCheck.Curve("slide", lrs, losses);
        CurveCheck.Points("slide", lrs.Length, SlideRequiredPoints(lrDiff),
            lrDiff >= 1 ? $" (lr_diff + 1, lr_diff = {lrDiff})" : " (for the gradient)");
        return SlideOf(lrs, losses, lrDiff, thresh, adjustValue);
    }

    // In long: lr_diff + 1 overflows int for lr_diff = int.MaxValue.
    private static long SlideRequiredPoints(int lrDiff) => Math.Max(lrDiff + 1L, 2);

    private static SuggestedLr SlideOf(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses, int lrDiff, double thresh, double adjustValue)
    {
        var right = losses.Length - 1;
        var left = right - lrDiff;
        var found = left;
        while (left >= 0 && Math.Abs(CurveMath.Gradient(losses, right) - CurveMath.Gradient(losses, left)) > thresh)
        {
            found = left;
            right--;
            left--;
        }
        var suggestion = lrs[found] * adjustValue;
        return new SuggestedLr(suggestion, found, suggestion, CurveMath.InterpLog10(suggestion, lrs, losses));
    }
}
