using System.Globalization;

namespace SchedDsl.LrFinding;

/// <summary>
/// One suggestion method's learning rate over several LR-finder runs: each run's value, their median, and their range
/// (lowest, highest, and the factor between them). <see cref="LrFindSpread"/> makes one per method.
/// </summary>
/// <remarks>
/// <para>
/// Learning rates are compared on a log scale, as they are chosen: the median of an even number of runs is the
/// geometric mean of the middle two (the median of <c>log10(lr)</c>), and the spread is the range
/// <see cref="Low"/>…<see cref="High"/> with <see cref="Factor"/> = High / Low. The range, not quartiles: with the
/// 3 to 10 runs a finder affords, quartiles are interpolations between one or two runs, while "valley 2.1e-3, between
/// 1.4e-3 and 3.2e-3 (×2.3)" says exactly what the runs did.
/// </para>
/// <para>A run whose curve was too short for this method (<c>slide</c> needs 16 points) has null in
/// <see cref="PerRun"/> and is left out of the statistics; <see cref="Count"/> says how many runs gave a value.</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed class LrSuggestionSpread
{
    private readonly double?[] _perRun;

    internal LrSuggestionSpread(LrSuggestionMethod method, double?[] perRun)
    {
        var values = perRun.OfType<double>().Order().ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentException($"{method}: no run has this suggestion", nameof(perRun));
        }
        Method = method;
        _perRun = perRun;
        Count = values.Length;
        Low = values[0];
        High = values[^1];
        var mid = values.Length / 2;
        Median = values.Length % 2 == 1 ? values[mid] : Math.Sqrt(values[mid - 1]) * Math.Sqrt(values[mid]);
    }

    /// <summary>The suggestion method.</summary>
    public LrSuggestionMethod Method { get; }

    /// <summary>Each run's suggested learning rate, in run order; null where that run's curve was too short for the method.</summary>
    public IReadOnlyList<double?> PerRun => _perRun;

    /// <summary>The number of runs that gave a value (at least 1).</summary>
    public int Count { get; }

    /// <summary>The median on a log scale: the middle value, or the geometric mean of the middle two for an even count.</summary>
    public double Median { get; }

    /// <summary>The lowest run's value.</summary>
    public double Low { get; }

    /// <summary>The highest run's value.</summary>
    public double High { get; }

    /// <summary><see cref="High"/> / <see cref="Low"/>: how many times larger the largest suggestion is than the smallest (1 for a single run).</summary>
    public double Factor => High / Low;

    /// <summary>For example <c>valley 2.1e-3 (1.4e-3 … 3.2e-3, ×2.3 over 5 runs)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{LrSuggestions.Name(Method)} {Median:0.0e0} ({Low:0.0e0} … {High:0.0e0}, ×{Factor:0.0#} over {Count} of {_perRun.Length} runs)");
}
