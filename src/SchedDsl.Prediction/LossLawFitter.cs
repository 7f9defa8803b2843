using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SchedDsl.Prediction;

/// <summary>
/// Least-squares fit of <see cref="AnnealingLossLaw"/> over the losses of every curve at once: Math.NET's
/// Levenberg-Marquardt with the law's exact Jacobian, started from the best of a few exponents with the three linear
/// constants solved for each (SVD least squares).
/// </summary>
internal static class LossLawFitter
{
    /// <summary>The fewest losses a curve needs from the first step fitted: the law's four constants and one more, so that a curve alone is over-determined.</summary>
    public const int MinimumPoints = 5;

    // The exponents a fit may start from: the paper's fits land near 0.5; an image task's may not.
    private static readonly double[] StartingAlphas = [0.1, 0.25, 0.5, 1, 2];

    public static LossLawFit Fit(IReadOnlyList<LossCurve> curves, LossLawFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var (s1, s2, y) = Points(curves, options);
        var n = y.Length;
        // With no annealing anywhere (constant rates only) S2 is 0 at every point and C is not determined: it stays 0.
        var annealed = s2.Any(v => Math.Abs(v) > 0);
        var start = Start(s1, s2, y, annealed);
        var model = ObjectiveFunction.NonlinearModel(
            (p, x) => Vector<double>.Build.Dense(n, j => Law(p, s1[j], s2[j])),
            (p, x) => Matrix<double>.Build.Dense(n, 4, (j, k) => Derivative(p, s1[j], s2[j], k)),
            Vector<double>.Build.Dense(n, j => j),
            Vector<double>.Build.DenseOfArray(y));
        var minimizer = new LevenbergMarquardtMinimizer(gradientTolerance: 1e-12, stepTolerance: 1e-12, functionTolerance: 1e-15, maximumIterations: options.MaxIterations);
        // No bounds: Math.NET's bounded form maps each parameter through sqrt or sin and measures its step tolerance
        // against the squared mapped values, which stops a fit with a wide bound at once. An exponent <= 0 is no law,
        // and is reported as not converged below.
        var result = minimizer.FindMinimum(model, start, isFixed: [false, false, false, !annealed]);
        var p = result.MinimizingPoint;
        var rmse = Rmse(p, s1, s2, y);
        var iterations = Math.Max(0, result.Iterations);
        var reason = result.ReasonForExit switch
        {
            ExitCondition.Converged or ExitCondition.RelativeGradient or ExitCondition.RelativePoints or ExitCondition.AbsoluteGradient => null,
            ExitCondition.ExceedIterations => $"the iteration limit ({options.MaxIterations}) was reached",
            ExitCondition.InvalidValues => "the law's values were not finite at the optimizer's step",
            var other => $"the optimizer stopped ({other})",
        };
        if (reason is null && (p.Any(v => !double.IsFinite(v)) || !double.IsFinite(rmse) || p[2] <= 0))
        {
            reason = "the optimizer ended at constants that do not make a law: " + string.Join(", ", p.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
        }
        return reason is null
            ? new LossLawFit.Converged(new AnnealingLossLaw(p[0], p[1], p[2], p[3], options.Lambda), rmse, n, iterations)
            : new LossLawFit.NotConverged(reason, rmse, n, iterations);
    }

    /// <summary>Every fitted loss with the two areas at its step, checked: finite losses, enough of them per curve.</summary>
    private static (double[] S1, double[] S2, double[] Y) Points(IReadOnlyList<LossCurve> curves, LossLawFitOptions options)
    {
        if (curves.Count == 0)
        {
            throw new ArgumentException("fitting needs at least one loss curve", nameof(curves));
        }
        List<double> s1 = [], s2 = [], y = [];
        for (var c = 0; c < curves.Count; c++)
        {
            var curve = curves[c] ?? throw new ArgumentException($"curve {c} is null", nameof(curves));
            for (var i = 0; i < curve.Losses.Count; i++)
            {
                if (!double.IsFinite(curve.Losses[i]))
                {
                    throw new ArgumentException(
                        $"curve {c}: loss {i} (after step {curve.Steps[i]}) is {curve.Losses[i].ToString("R", CultureInfo.InvariantCulture)}; every loss must be finite", nameof(curves));
                }
            }
            var (forward, annealing) = AnnealingAreas.Of(curve.LearningRates, options.Lambda);
            var kept = 0;
            for (var i = 0; i < curve.Steps.Count; i++)
            {
                var step = curve.Steps[i];
                // A step with no learning rate behind it yet (S1 = 0) is outside the law: L would be infinite.
                if (step < options.FirstStep || forward[step - 1] <= 0)
                {
                    continue;
                }
                s1.Add(forward[step - 1]);
                s2.Add(annealing[step - 1]);
                y.Add(curve.Losses[i]);
                kept++;
            }
            if (kept < MinimumPoints)
            {
                throw new ArgumentException(
                    $"curve {c} is too short to fit: {kept} loss(es) from step {options.FirstStep} with a learning rate applied, at least {MinimumPoints} needed", nameof(curves));
            }
        }
        return (s1.ToArray(), s2.ToArray(), y.ToArray());
    }

    /// <summary>For each starting exponent, the linear least-squares L0, A, C; the start with the smallest residual.</summary>
    private static Vector<double> Start(double[] s1, double[] s2, double[] y, bool annealed)
    {
        Vector<double>? best = null;
        var bestResidual = double.PositiveInfinity;
        var observed = Vector<double>.Build.DenseOfArray(y);
        foreach (var alpha in StartingAlphas)
        {
            var design = Matrix<double>.Build.Dense(y.Length, 3, (j, k) => k switch
            {
                0 => 1,
                1 => Math.Pow(s1[j], -alpha),
                _ => annealed ? -s2[j] : 0,
            });
            var solved = design.Svd().Solve(observed);
            var p = Vector<double>.Build.DenseOfArray([solved[0], solved[1], alpha, annealed ? solved[2] : 0]);
            var residual = Rmse(p, s1, s2, y);
            if (double.IsFinite(residual) && residual < bestResidual)
            {
                (best, bestResidual) = (p, residual);
            }
        }
        return best ?? Vector<double>.Build.DenseOfArray([y.Average(), 1e-3, 0.5, 0]);
    }

    private static double Law(Vector<double> p, double s1, double s2) => p[0] + (p[1] * Math.Pow(s1, -p[2])) - (p[3] * s2);

    private static double Derivative(Vector<double> p, double s1, double s2, int k) => k switch
    {
        0 => 1,
        1 => Math.Pow(s1, -p[2]),
        2 => -p[1] * Math.Pow(s1, -p[2]) * Math.Log(s1),
        _ => -s2,
    };

    private static double Rmse(Vector<double> p, double[] s1, double[] s2, double[] y)
    {
        double sum = 0;
        for (var j = 0; j < y.Length; j++)
        {
            var r = y[j] - Law(p, s1[j], s2[j]);
            sum += r * r;
        }
        return Math.Sqrt(sum / y.Length);
    }
}
