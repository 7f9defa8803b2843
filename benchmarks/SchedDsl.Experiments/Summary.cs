namespace SchedDsl.Experiments;

/// <summary>Mean and sample standard deviation (n − 1) of one arm's values over seeds; NaN values (diverged runs) are left out and counted.</summary>
/// <param name="Mean">The mean of the finite values, NaN when there is none.</param>
/// <param name="Std">The sample standard deviation, NaN with fewer than two finite values.</param>
/// <param name="Count">Finite values.</param>
/// <param name="Missing">Values that were NaN.</param>
internal readonly record struct Summary(double Mean, double Std, int Count, int Missing)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var all = values.ToList();
        var finite = all.Where(double.IsFinite).ToList();
        var missing = all.Count - finite.Count;
        if (finite.Count == 0)
        {
            return new Summary(double.NaN, double.NaN, 0, missing);
        }
        var mean = finite.Average();
        var std = finite.Count < 2 ? double.NaN : Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Count - 1));
        return new Summary(mean, std, finite.Count, missing);
    }

    /// <summary>
    /// The rule every table uses: a difference of means is within the spread when it is smaller than the larger of the
    /// two standard deviations. Unknown (false) when either spread is unknown.
    /// </summary>
    public bool WithinSpreadOf(Summary other) =>
        double.IsFinite(Std) && double.IsFinite(other.Std) && Math.Abs(Mean - other.Mean) < Math.Max(Std, other.Std);
}
