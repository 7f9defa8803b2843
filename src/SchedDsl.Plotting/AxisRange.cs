namespace SchedDsl.Plotting;

/// <summary>
/// The y range a curve is drawn on. ScottPlot pads a flat curve to ±1, so a constant 0.999 sat on a 0–2 axis; a
/// near-constant curve gets a window of ±5% around its value instead, and any other a 5% margin.
/// </summary>
internal static class AxisRange
{
    /// <summary>Below this span relative to the largest magnitude, a curve counts as constant.</summary>
    private const double FlatSpan = 1e-3;

    /// <summary>A constant curve is shown with this much room on each side, relative to its magnitude.</summary>
    private const double FlatHalfWidth = 0.05;

    private const double Margin = 0.05;

    /// <summary>The range for the finite values in <paramref name="values"/> (−1…1 when there is none).</summary>
    public static (double Low, double High) Of(IEnumerable<double> values)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in values.Where(double.IsFinite))
        {
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        }
        if (min > max)
        {
            return (-1, 1);
        }
        var span = max - min;
        var magnitude = Math.Max(Math.Abs(min), Math.Abs(max));
        if (span > magnitude * FlatSpan)
        {
            return (min - (span * Margin), max + (span * Margin));
        }
        var half = magnitude > 0 ? magnitude * FlatHalfWidth : 1;
        var middle = (min + max) / 2;
        return (middle - half, middle + half);
    }
}
