using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SchedDsl.Torch;

/// <summary>
/// A log10 axis. ScottPlot 5 has no log scale: the data is drawn as log10 of its values and the ticks are labelled
/// with the values themselves.
/// </summary>
internal static class LogAxis
{
    /// <summary>The ratio between the 90th and the 10th percentile above which the values want a log axis: two decades.</summary>
    private const double AutoRatio = 100;

    private const double LowQuantile = 0.1;
    private const double HighQuantile = 0.9;

    /// <summary>
    /// True when every value is &gt; 0 and most of them span more than two decades (the 90th percentile over 100
    /// times the 10th): the curves a linear axis flattens to 0, as a warmup from 1e-7 or a slice's small early-layer
    /// rates. Percentiles, not the extremes, so that a one-cycle's brief dive to lr/1e5 in its last steps keeps the
    /// familiar linear picture.
    /// </summary>
    public static bool Suits(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        return finite.Length > 0 && finite[0] > 0
            && Quantile(finite, HighQuantile) > Quantile(finite, LowQuantile) * AutoRatio;
    }

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

    /// <summary>Labels <paramref name="axis"/> with <c>10^x</c> for a log10 range <paramref name="low"/>…<paramref name="high"/>.</summary>
    public static void Apply(IAxis axis, double low, double high)
    {
        // Whole decades as major ticks once the range holds two of them; a narrower range takes the usual spacing.
        var decades = high - low >= 2;
        var ticks = new NumericAutomatic { IntegerTicksOnly = decades, LabelFormatter = Label };
        if (decades)
        {
            ticks.MinorTickGenerator = new LogMinorTickGenerator();
        }
        axis.TickGenerator = ticks;
    }

    /// <summary>The value at log10 position <paramref name="exponent"/>: <c>1e-3</c> on a decade, else three digits.</summary>
    public static string Label(double exponent)
    {
        var decade = Math.Round(exponent);
        return Math.Abs(exponent - decade) < 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"1e{decade}")
            : Math.Pow(10, exponent).ToString("G3", CultureInfo.InvariantCulture);
    }
}
