namespace SchedDsl.LrFinding;

public static partial class LrSuggestions
{
    /// <summary>
    /// fastai's <c>minimum</c>: one tenth of the learning rate at the lowest loss ("Minimum/10", <c>lr_min</c>);
    /// the point is at the lowest loss itself.
    /// </summary>
    /// <remarks>
    /// As <c>torch.argmin</c>, the first smallest loss wins a tie, and a NaN loss counts as the lowest (the first NaN
    /// wins): on an untrimmed curve that ends in NaN the suggestion is at the first NaN. <see cref="LrCurve.Trim"/>
    /// removes NaN first, as <c>lr_find</c> does. Needs 1 point.
    /// </remarks>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The (smoothed) losses, one per batch.</param>
    /// <exception cref="SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>).</exception>
    public static SuggestedLr Minimum(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        CurveCheck.Curve("minimum", lrs, losses);
        CurveCheck.Points("minimum", lrs.Length, RequiredPoints(LrSuggestionMethod.Minimum), "");
        return MinimumOf(lrs, losses);
    }

    private static SuggestedLr MinimumOf(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        var index = CurveMath.ArgMin(losses);
        var lrMin = lrs[index];
        return new SuggestedLr(lrMin / 10, index, lrMin, losses[CurveMath.Nearest(lrs, lrMin)]);
    }
}
