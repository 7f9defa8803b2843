using System.Globalization;

namespace SchedDsl.Prediction;

/// <summary>
/// Tissue et al.'s scaling law with learning-rate annealing (2024, arXiv 2408.11029): the loss after step <c>s</c> is
/// <c>L(s) = L0 + A·S1(s)^(−α) − C·S2(s)</c>, where <c>S1</c> is the area under the learning rate up to <c>s</c> and
/// <c>S2</c> the annealing area, a momentum-like sum of the rate's decreases (<see cref="Lambda"/>).
/// </summary>
/// <remarks>
/// <para>Fit it to one or two recorded loss curves with <see cref="Fit"/>, then <see cref="Predict(Sched, int)"/> the
/// loss curve of another schedule before training it. The law was found on language-model pretraining (validation loss,
/// tens of thousands of steps, AdamW); how well it describes another task is for that task's data to say
/// (docs/results.md measures it on Fashion-MNIST).</para>
/// <para>Immutable; thread-safe.</para>
/// </remarks>
public sealed record AnnealingLossLaw
{
    /// <summary>The paper's decay factor of the annealing momentum: 0.999.</summary>
    public const double DefaultLambda = 0.999;

    /// <summary>A law with the given constants.</summary>
    /// <param name="l0">The loss it tends to with unlimited forward area.</param>
    /// <param name="a">The power-law term's scale.</param>
    /// <param name="alpha">The power-law exponent, &gt; 0.</param>
    /// <param name="c">The annealing term's scale.</param>
    /// <param name="lambda">The annealing momentum's decay factor, in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A constant not finite, <paramref name="alpha"/> &lt;= 0, or <paramref name="lambda"/> outside [0, 1).</exception>
    public AnnealingLossLaw(double l0, double a, double alpha, double c, double lambda = DefaultLambda)
    {
        L0 = Finite(l0, nameof(l0));
        A = Finite(a, nameof(a));
        Alpha = Finite(alpha, nameof(alpha)) > 0 ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"alpha must be > 0, got {Text(alpha)}");
        C = Finite(c, nameof(c));
        Lambda = CheckLambda(lambda);
    }

    /// <summary>The loss it tends to with unlimited forward area.</summary>
    public double L0 { get; }

    /// <summary>The power-law term's scale.</summary>
    public double A { get; }

    /// <summary>The power-law exponent.</summary>
    public double Alpha { get; }

    /// <summary>The annealing term's scale.</summary>
    public double C { get; }

    /// <summary>The annealing momentum's decay factor (the paper's λ).</summary>
    public double Lambda { get; }

    /// <summary>The predicted loss after every step of a fit that applies <paramref name="learningRates"/>: element <c>i</c> is the loss after step <c>i + 1</c>.</summary>
    /// <remarks>A step before any learning rate was applied (<c>S1 = 0</c>) has no finite prediction: it reads +∞.</remarks>
    /// <exception cref="ArgumentException">No learning rate, or one negative or not finite.</exception>
    public double[] Predict(IReadOnlyList<double> learningRates)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        var curve = LossCurve.AtSteps(learningRates, [], []);
        var (s1, s2) = AnnealingAreas.Of(curve.LearningRates, Lambda);
        return [.. s1.Select((forward, i) => LossAt(forward, s2[i]))];
    }

    /// <summary>The predicted loss after every step of a fit of <paramref name="totalSteps"/> steps with learning-rate schedule <paramref name="lr"/> (step <c>i + 1</c> applies <c>lr.At(i / totalSteps)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="lr"/> has per-group values, gives a negative rate, or <paramref name="totalSteps"/> &lt; 1.</exception>
    public double[] Predict(Sched lr, int totalSteps) => Predict(LossCurve.LearningRatesOf(lr, totalSteps));

    /// <summary>The law at forward area <paramref name="s1"/> and annealing area <paramref name="s2"/>.</summary>
    public double LossAt(double s1, double s2) => L0 + (A * Math.Pow(s1, -Alpha)) - (C * s2);

    /// <summary>Fits the law to recorded loss curves (Levenberg-Marquardt least squares, Math.NET Numerics).</summary>
    /// <param name="curves">One or more curves, of any lengths; fit on at least two schedules that differ in how they anneal (e.g. constant and cosine) so that <see cref="C"/> is determined.</param>
    /// <param name="options">Lambda, the first step fitted, the iteration limit; null for the defaults.</param>
    /// <returns><see cref="LossLawFit.Converged"/> with the law, or <see cref="LossLawFit.NotConverged"/> with the residual it stopped at.</returns>
    /// <exception cref="ArgumentException">No curve, a curve with fewer than <see cref="LossLawFitter.MinimumPoints"/> losses from the first step fitted, or a loss that is not finite (the message names the curve, the index and the step).</exception>
    public static LossLawFit Fit(IReadOnlyList<LossCurve> curves, LossLawFitOptions? options = null) =>
        LossLawFitter.Fit(curves, options ?? new LossLawFitOptions());

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"L(s) = {L0:G6} + {A:G6}·S1^(−{Alpha:G6}) − {C:G6}·S2 (λ = {Lambda:G6})");

    internal static double CheckLambda(double lambda) =>
        lambda is >= 0 and < 1 ? lambda : throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"lambda must be in [0, 1), got {Text(lambda)}");

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, got {Text(value)}");

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
