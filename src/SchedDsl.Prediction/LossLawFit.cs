namespace SchedDsl.Prediction;

/// <summary>
/// What fitting a loss law ended with: <see cref="Converged"/> holds the law to predict with; <see cref="NotConverged"/>
/// says the optimizer stopped without a minimum, with the residual it reached, and holds no law, so a failed fit is
/// never taken for a prediction.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public abstract record LossLawFit
{
    private protected LossLawFit(double rmse, int points, int iterations)
    {
        Rmse = rmse;
        Points = points;
        Iterations = iterations;
    }

    /// <summary>The root-mean-square difference between the law and the fitted losses, where the optimizer stopped.</summary>
    public double Rmse { get; }

    /// <summary>The losses fitted, over all curves.</summary>
    public int Points { get; }

    /// <summary>The optimizer's iterations.</summary>
    public int Iterations { get; }

    /// <summary>The optimizer found a minimum: <see cref="Law"/> predicts.</summary>
    /// <param name="Law">The fitted law.</param>
    /// <param name="Rmse">The root-mean-square residual at the minimum.</param>
    /// <param name="Points">The losses fitted.</param>
    /// <param name="Iterations">The optimizer's iterations.</param>
    public sealed record Converged(AnnealingLossLaw Law, double Rmse, int Points, int Iterations) : LossLawFit(Rmse, Points, Iterations);

    /// <summary>The optimizer stopped without a minimum: no law, only where it stopped.</summary>
    /// <param name="Reason">Why it stopped, e.g. <c>the iteration limit (1000) was reached</c>.</param>
    /// <param name="Rmse">The root-mean-square residual where it stopped (NaN when the law's values were not finite there).</param>
    /// <param name="Points">The losses fitted.</param>
    /// <param name="Iterations">The optimizer's iterations.</param>
    public sealed record NotConverged(string Reason, double Rmse, int Points, int Iterations) : LossLawFit(Rmse, Points, Iterations);
}
