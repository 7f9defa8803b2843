using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SchedDsl.Plotting;

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

    /// <summary>A narrow log axis takes the finest round values that give at most this many ticks.</summary>
    private const int MostRoundTicks = 10;

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
        if (high - low >= 2)
        {
            // Whole decades as major ticks, the 2…9 multiples between them as minor ones.
            axis.TickGenerator = new NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new LogMinorTickGenerator(),
                LabelFormatter = exponent => string.Create(CultureInfo.InvariantCulture, $"1e{Math.Round(exponent)}"),
            };
            return;
        }
        // Under two decades, decade ticks alone would be one or none: round values (1…9, or 1, 2, 5 times a power of
        // ten) where they fall on the log scale.
        var ticks = new NumericManual();
        foreach (var value in RoundValues(low, high))
        {
            ticks.AddMajor(Math.Log10(value), value.ToString("G3", CultureInfo.InvariantCulture));
        }
        axis.TickGenerator = ticks;
    }

    private static List<double> RoundValues(double low, double high)
    {
        int[][] mantissas = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1]];
        return mantissas.Select(m => Within(m, low, high).ToList()).FirstOrDefault(values => values.Count <= MostRoundTicks) ?? [];
    }

    private static IEnumerable<double> Within(int[] mantissas, double low, double high)
    {
        for (var decade = (int)Math.Floor(low); decade <= (int)Math.Ceiling(high); decade++)
        {
            foreach (var mantissa in mantissas)
            {
                var value = mantissa * Math.Pow(10, decade);
                if (Math.Log10(value) is var x && x >= low && x <= high)
                {
                    yield return value;
                }
            }
        }
    }
}
