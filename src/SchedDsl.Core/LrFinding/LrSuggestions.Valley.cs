namespace SchedDsl.LrFinding;

public static partial class LrSuggestions
{
    /// <summary>
    /// fastai's <c>valley</c> (the default of <c>lr_find</c>): finds the longest run of falling losses (the longest
    /// strictly decreasing subsequence, by dynamic programming) and suggests the learning rate a third plus a sixth
    /// of the way into it.
    /// </summary>
    /// <remarks>
    /// fastai's quirks, kept: the check for a new longest run sits inside the inner loop; the run's start is
    /// <c>end - length</c> (one before its first point); and when that gives index -1 (a curve whose longest run is
    /// its first two points) Python's negative indexing returns the last point, so this does too. O(n²) time; it
    /// allocates only for curves over 256 points. Needs 1 point.
    /// </remarks>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The (smoothed) losses, one per batch.</param>
    /// <exception cref="Validation.SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>).</exception>
    public static SuggestedLr Valley(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        CurveCheck.Curve("valley", lrs, losses);
        CurveCheck.Points("valley", lrs.Length, RequiredPoints(LrSuggestionMethod.Valley), "");
        return ValleyOf(lrs, losses);
    }

    private static SuggestedLr ValleyOf(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        var n = losses.Length;
        Span<int> lengths = n <= 256 ? stackalloc int[n] : new int[n];
        lengths.Fill(1);
        int maxStart = 0, maxEnd = 0;
        for (var i = 1; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lengths[i] < lengths[j] + 1)
                {
                    lengths[i] = lengths[j] + 1;
                }
                if (lengths[maxEnd] < lengths[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lengths[maxEnd];
                }
            }
        }
        var sections = (maxEnd - maxStart) / 3.0;
        var index = maxStart + (int)sections + (int)(sections / 2);
        if (index < 0)
        {
            index += n; // Python's lrs[-1]
        }
        return new SuggestedLr(lrs[index], index, lrs[index], losses[index]);
    }
}
