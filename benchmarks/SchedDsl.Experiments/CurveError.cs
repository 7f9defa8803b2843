namespace SchedDsl.Experiments;

/// <summary>
/// How far a predicted loss curve is from a measured one. Per-batch training losses are noisy (one batch each), so
/// both curves are compared as means over windows of steps: the noise of a window's mean is far below a batch's.
/// </summary>
/// <param name="FinalError">Predicted minus measured mean loss over the last <see cref="FinalFraction"/> of steps.</param>
/// <param name="FinalRelative">|FinalError| / measured, as a fraction.</param>
/// <param name="Rmse">Root-mean-square difference of the window means from the first compared step to the end.</param>
/// <param name="Mape">Mean absolute percentage error of the window means (as a fraction).</param>
internal readonly record struct CurveError(double FinalError, double FinalRelative, double Rmse, double Mape)
{
    /// <summary>The share of a run's last steps whose mean is its "final loss": 5 %.</summary>
    public const double FinalFraction = 0.05;

    /// <summary>The windows the compared steps are cut into: 50, or one per step on shorter runs.</summary>
    public const int Windows = 50;

    public static CurveError Of(IReadOnlyList<double> predicted, IReadOnlyList<double> measured, int firstStep)
    {
        if (predicted.Count != measured.Count)
        {
            throw new ArgumentException($"the curves have {predicted.Count} and {measured.Count} steps");
        }
        var steps = measured.Count;
        var first = Math.Clamp(firstStep - 1, 0, steps - 1);
        var finalFrom = steps - Math.Max(1, (int)Math.Round(steps * FinalFraction));
        var finalPredicted = Mean(predicted, finalFrom, steps);
        var finalMeasured = Mean(measured, finalFrom, steps);
        var windows = Math.Min(Windows, steps - first);
        double squares = 0, relatives = 0;
        for (var w = 0; w < windows; w++)
        {
            var from = first + ((steps - first) * w / windows);
            var to = first + ((steps - first) * (w + 1) / windows);
            var p = Mean(predicted, from, to);
            var m = Mean(measured, from, to);
            squares += (p - m) * (p - m);
            relatives += Math.Abs(p - m) / Math.Abs(m);
        }
        return new CurveError(
            finalPredicted - finalMeasured, Math.Abs(finalPredicted - finalMeasured) / Math.Abs(finalMeasured),
            Math.Sqrt(squares / windows), relatives / windows);
    }

    /// <summary>The window means of <paramref name="values"/> from step <paramref name="firstStep"/>, at each window's middle step (1-based): what the picture draws.</summary>
    public static (double[] Steps, double[] Means) Smoothed(IReadOnlyList<double> values, int firstStep)
    {
        var first = Math.Clamp(firstStep - 1, 0, values.Count - 1);
        var windows = Math.Min(Windows, values.Count - first);
        var steps = new double[windows];
        var means = new double[windows];
        for (var w = 0; w < windows; w++)
        {
            var from = first + ((values.Count - first) * w / windows);
            var to = first + ((values.Count - first) * (w + 1) / windows);
            steps[w] = ((from + to) / 2.0) + 1;
            means[w] = Mean(values, from, to);
        }
        return (steps, means);
    }

    private static double Mean(IReadOnlyList<double> values, int from, int to)
    {
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
