namespace SchedDsl;

/// <summary>
/// Which segment of a combine a position falls in, by binary search: fastai's
/// <c>idx = (pos &gt;= pcts).nonzero().max()</c> over cumulative starts, with a start within
/// <see cref="CombineSched.JoinSnap"/> of <c>pos</c> counting as reached (see <see cref="CombineSched"/>).
/// </summary>
/// <remarks>
/// The rule this keeps bit for bit is the linear scan it replaced: from the last segment down, step back while
/// <c>pos &lt; start[i] - JoinSnap</c>, never past segment 0. The thresholds <c>start[i] - JoinSnap</c> never
/// decrease with <c>i</c> (cumulative sums of non-negative pcts, divided by a positive total, minus a constant: each
/// step rounds monotonically), so "<c>!(pos &lt; threshold[i])</c>" holds for a prefix of the segments and the last
/// index of that prefix is what the scan found. The test is written as the scan's negation, not as <c>&gt;=</c>, so
/// that a NaN answers the same (the last segment). Pure; thread-safe.
/// </remarks>
internal static class SegmentSearch
{
    /// <summary>Each segment's start minus <see cref="CombineSched.JoinSnap"/>, computed once so a search subtracts nothing.</summary>
    public static double[] Thresholds(ReadOnlySpan<double> starts)
    {
        var thresholds = new double[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            thresholds[i] = starts[i] - CombineSched.JoinSnap;
        }
        return thresholds;
    }

    /// <summary>The last <c>i</c> in [1, n) with <c>!(pos &lt; thresholds[i])</c>, else 0; O(log n).</summary>
    public static int Find(ReadOnlySpan<double> thresholds, double pos)
    {
        if (thresholds.Length <= 2)
        {
            // One or two segments (an annealer after a warm-up, one-cycle, flat-cos): one test, no loop.
            return thresholds.Length == 2 && !(pos < thresholds[1]) ? 1 : 0;
        }
        // Invariant: the answer is in [lo, hi]. mid >= 1, so threshold 0 is never read (segment 0 needs no test).
        int lo = 0, hi = thresholds.Length - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi + 1) >> 1);
            if (pos < thresholds[mid])
            {
                hi = mid - 1;
            }
            else
            {
                lo = mid;
            }
        }
        return lo;
    }
}
