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
    /// its first two points) Python's negative indexing returns the last point, so this does too. fastai's double loop
    /// is O(n²); this finds the same run in O(n log n) (patience sorting): a million points in about 0.1 s. It
    /// allocates only for curves over 256 points. Needs 1 point.
    /// </remarks>
    /// <param name="lrs">The learning rates, one per batch.</param>
    /// <param name="losses">The (smoothed) losses, one per batch.</param>
    /// <exception cref="SchedArgumentException">An invalid curve (see <see cref="LrSuggestions"/>).</exception>
    public static SuggestedLr Valley(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        CurveCheck.Curve("valley", lrs, losses);
        CurveCheck.Points("valley", lrs.Length, RequiredPoints(LrSuggestionMethod.Valley), "");
        return ValleyOf(lrs, losses);
    }

    private static SuggestedLr ValleyOf(ReadOnlySpan<double> lrs, ReadOnlySpan<double> losses)
    {
        var (maxStart, maxEnd) = LongestFall(losses);
        var sections = (maxEnd - maxStart) / 3.0;
        var index = maxStart + (int)sections + (int)(sections / 2);
        if (index < 0)
        {
            index += losses.Length; // Python's lrs[-1]
        }
        return new SuggestedLr(lrs[index], index, lrs[index], losses[index]);
    }

    // fastai's double loop gives lds[i], the longest strictly decreasing subsequence ending at i, and keeps the
    // first i whose lds beats every earlier one: max_end is the first index where lds reaches its maximum M. Its
    // check sits inside the inner loop, so it fires the moment lds[i] first exceeds the old maximum, when
    // lds[i] = old maximum + 1 (a predecessor's lds is at most that maximum) and, the loop going on, lds[max_end] is
    // lds[i] itself and never fires again for this i: max_start = max_end - M. When no two points fall (M = 1) it
    // never fires and both stay 0. Patience sorting finds every lds[i] in O(n log n): tails[k] holds the largest
    // last loss of a falling run of length k + 1 (tails decreases), and a loss extends the longest run whose tail
    // is greater than it. NaN compares false, so, as in fastai, a NaN loss neither extends nor is extended.
    private static (int Start, int End) LongestFall(ReadOnlySpan<double> losses)
    {
        var n = losses.Length;
        Span<double> tails = n <= 256 ? stackalloc double[n] : new double[n];
        int runs = 0, longest = 1, end = 0;
        for (var i = 0; i < n; i++)
        {
            var loss = losses[i];
            if (double.IsNaN(loss))
            {
                continue;
            }
            // First k with tails[k] <= loss (not greater): the run it starts or extends has length k + 1.
            int lo = 0, hi = runs;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (tails[mid] > loss)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            tails[lo] = loss;
            if (lo == runs)
            {
                runs++;
            }
            if (lo + 1 > longest)
            {
                longest = lo + 1;
                end = i;
            }
        }
        return longest == 1 ? (0, 0) : (end - longest, end);
    }
}
