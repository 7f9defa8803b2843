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
    /// <summary>Values whose largest is more than this many times their smallest span more than two decades.</summary>
    private const double AutoRatio = 100;

    /// <summary>True when every value is &gt; 0 and they span more than two decades: the case a linear axis flattens.</summary>
    public static bool Suits(IEnumerable<double> values)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in values.Where(double.IsFinite))
        {
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        }
        return min > 0 && max > min * AutoRatio;
    }

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
