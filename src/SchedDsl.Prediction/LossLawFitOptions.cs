namespace SchedDsl.Prediction;

/// <summary>How <see cref="AnnealingLossLaw.Fit"/> fits.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LossLawFitOptions
{
    /// <summary>The default iteration limit of the optimizer: 1000.</summary>
    public const int DefaultMaxIterations = 1000;

    /// <summary>The annealing momentum's decay factor, in [0, 1); held fixed, not fitted (the paper's 0.999 by default).</summary>
    public double Lambda { get; init => field = AnnealingLossLaw.CheckLambda(value); } = AnnealingLossLaw.DefaultLambda;

    /// <summary>
    /// The first step whose loss is fitted, &gt;= 1 (default 1: every loss). Losses measured before it are left out, but
    /// the learning rates before it still count in the areas. Leave out a fit's first steps when the loss falls there
    /// faster than any power of the area (from a random start).
    /// </summary>
    public int FirstStep { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(FirstStep), value, $"FirstStep must be >= 1, got {value}"); } = 1;

    /// <summary>The optimizer's iteration limit, &gt;= 1; reaching it is <see cref="LossLawFit.NotConverged"/>.</summary>
    public int MaxIterations { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, $"MaxIterations must be >= 1, got {value}"); } = DefaultMaxIterations;
}
