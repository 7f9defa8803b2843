namespace SchedDsl.LrFinding;

public static partial class LrSuggestions
{
    /// <summary>
    /// fastai's <c>steep</c>: the learning rate where the loss falls fastest against log(lr) (<c>lr_steep</c>): the
    /// left end <c>lrs[i]</c> of the segment with the most negative <c>(losses[i+1] - losses[i]) / (ln lrs[i+1] - ln lrs[i])</c>.
    /// </summary>
    /// <remarks>
    /// As <c>torch.argmin</c>, the first steepest segment wins a tie and a NaN slope (a NaN loss, or two equal
    /// learning rates with equal losses) counts as the steepest. Needs 2 points.
    /// </remarks>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The (smoothed) losses, one per batch.</param>
    /// <exception cref="SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>).</exception>
    public static SuggestedLr Steep(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        CurveCheck.Curve("steep", lrs, losses);
        CurveCheck.Points("steep", lrs.Length, RequiredPoints(LrSuggestionMethod.Steep), " (one segment)");
        return SteepOf(lrs, losses);
    }

    private static SuggestedLr SteepOf(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        var index = 0;
        var steepest = double.PositiveInfinity;
        for (var i = 0; i < lrs.Length - 1; i++)
        {
            var slope = (losses[i + 1] - losses[i]) / (Math.Log(lrs[i + 1]) - Math.Log(lrs[i]));
            if (double.IsNaN(slope))
            {
                index = i;
                break;
            }
            if (i == 0 || slope < steepest)
            {
                steepest = slope;
                index = i;
            }
        }
        var lrSteep = lrs[index];
        return new SuggestedLr(lrSteep, index, lrSteep, losses[CurveMath.Nearest(lrs, lrSteep)]);
    }
}
