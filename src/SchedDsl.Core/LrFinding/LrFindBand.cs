namespace SchedDsl.LrFinding;

/// <summary>
/// Several LR-finder curves as one band: at each learning rate of the longest curve, the lowest, median and highest
/// smoothed loss of the curves that reach it (what SchedDsl.Plotting shades). Each curve is read at that learning rate
/// by <c>np.interp</c> on log10(lr), so curves of different grids line up; curves of one finder share their grid and
/// are read at their own points.
/// </summary>
/// <param name="Lrs">The learning rates, increasing.</param>
/// <param name="Low">The lowest loss there.</param>
/// <param name="Median">The median loss there (the mean of the middle two for an even count).</param>
/// <param name="High">The highest loss there.</param>
/// <param name="Count">How many curves reach that learning rate with a finite loss (at least 1).</param>
internal sealed record LrFindBand(double[] Lrs, double[] Low, double[] Median, double[] High, int[] Count)
{
    /// <summary>The band of <paramref name="curves"/>, each without its last <paramref name="skipEnd"/> points (all kept if fewer remain).</summary>
    public static LrFindBand Of(IReadOnlyList<LrFindCurve> curves, int skipEnd)
    {
        var drawn = curves.Select(c => Drawn(c, skipEnd)).Where(c => c.Lrs.Length > 0).ToArray();
        var grid = drawn.Length == 0 ? [] : drawn.MaxBy(c => c.Lrs.Length).Lrs;
        var (lrs, low, median, high, count) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<int>());
        foreach (var lr in grid)
        {
            var values = drawn
                .Where(c => lr >= c.Lrs[0] && lr <= c.Lrs[^1])
                .Select(c => CurveMath.InterpLog10(lr, c.Lrs, c.Losses))
                .Where(double.IsFinite)
                .Order()
                .ToArray();
            if (values.Length == 0)
            {
                continue;
            }
            var mid = values.Length / 2;
            lrs.Add(lr);
            low.Add(values[0]);
            high.Add(values[^1]);
            median.Add(values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2);
            count.Add(values.Length);
        }
        return new LrFindBand([.. lrs], [.. low], [.. median], [.. high], [.. count]);
    }

    private static (double[] Lrs, double[] Losses) Drawn(LrFindCurve curve, int skipEnd)
    {
        var n = curve.Lrs.Count > skipEnd ? curve.Lrs.Count - skipEnd : curve.Lrs.Count;
        return ([.. curve.Lrs.Take(n)], [.. curve.Losses.Take(n)]);
    }
}
