using Xunit;

namespace SchedDsl.Prediction.Tests;

/// <summary>The fit recovers the constants of curves the law itself made, and predicts a schedule it did not see.</summary>
public sealed class AnnealingLossLawFitTests
{
    private const int Steps = 2000;

    // Constants of the size the paper reports for its runs' law (L0 ≈ 2-3, A ≈ 0.4-0.5, α ≈ 0.5, C ≈ 0.3-2), with
    // learning rates whose areas (S1 up to 4) keep every term visible.
    private static readonly AnnealingLossLaw Truth = new(l0: 0.3, a: 0.45, alpha: 0.55, c: 1.2);

    private static LossCurve Made(Sched lr, AnnealingLossLaw law, Func<int, double>? noise = null)
    {
        var rates = LossCurve.LearningRatesOf(lr, Steps);
        var losses = law.Predict(rates).Select((loss, i) => loss + (noise?.Invoke(i) ?? 0)).ToArray();
        return LossCurve.PerStep(rates, losses);
    }

    [Fact]
    public void Fit_on_constant_and_cosine_recovers_the_constants()
    {
        var fit = AnnealingLossLaw.Fit([Made(Sched.Const(2e-3), Truth), Made(Sched.Cos(2e-3, 0), Truth)]);

        var law = Assert.IsType<LossLawFit.Converged>(fit).Law;
        // Exact data: the optimizer stops within its tolerances (1e-12 on steps and gradients); 1e-6 leaves room for
        // the conditioning of α against A, which share the power term.
        Assert.Equal(Truth.L0, law.L0, 1e-6);
        Assert.Equal(Truth.A, law.A, 1e-6);
        Assert.Equal(Truth.Alpha, law.Alpha, 1e-6);
        Assert.Equal(Truth.C, law.C, 1e-6);
        Assert.True(fit.Rmse < 1e-9, $"rmse {fit.Rmse}");
        Assert.Equal(2 * Steps, fit.Points);
    }

    [Fact]
    public void Fit_on_noisy_curves_predicts_an_unseen_schedule_within_the_noise()
    {
        // Gaussian-like noise of sd 0.02 from a seeded generator (sum of 12 uniforms − 6).
        var random = new Random(7);
        double Noise(int _) => 0.02 * (Enumerable.Range(0, 12).Sum(_ => random.NextDouble()) - 6);
        var fit = AnnealingLossLaw.Fit([Made(Sched.Const(2e-3), Truth, Noise), Made(Sched.Cos(2e-3, 0), Truth, Noise)]);

        var law = Assert.IsType<LossLawFit.Converged>(fit).Law;
        Assert.Equal(0.02, fit.Rmse, 0.002);
        var wsd = Sched.Wsd(2e-3, 0.1, 0.2);
        var predicted = law.Predict(wsd, Steps);
        var actual = Truth.Predict(wsd, Steps);
        // 4000 points with sd 0.02 pin the curve closer than the noise: within a quarter of it everywhere after the
        // warmup (its first 10 %, where S1 is small and the power term steep). Seen: at most 0.0021.
        for (var i = Steps / 10; i < Steps; i++)
        {
            Assert.True(Math.Abs(predicted[i] - actual[i]) < 0.005, $"step {i + 1}: {predicted[i]} vs {actual[i]}");
        }
    }

    [Fact]
    public void Curves_of_different_lengths_fit_together()
    {
        var shortRates = LossCurve.LearningRatesOf(Sched.Cos(2e-3, 0), 700);
        var shortCurve = LossCurve.PerStep(shortRates, Truth.Predict(shortRates));

        var fit = AnnealingLossLaw.Fit([Made(Sched.Const(2e-3), Truth), shortCurve]);

        Assert.Equal(Truth.C, Assert.IsType<LossLawFit.Converged>(fit).Law.C, 1e-6);
        Assert.Equal(Steps + 700, fit.Points);
    }

    [Fact]
    public void Losses_at_a_few_steps_of_a_schedule_fit_as_the_csv_loggers_epoch_rows_do()
    {
        int[] ends = [.. Enumerable.Range(1, 10).Select(e => e * Steps / 10)];
        LossCurve AtEnds(Sched lr) => LossCurve.AtSteps(lr, Steps, ends, [.. ends.Select(s => Truth.Predict(lr, Steps)[s - 1])]);

        var fit = AnnealingLossLaw.Fit([AtEnds(Sched.Const(2e-3)), AtEnds(Sched.Cos(2e-3, 0))]);

        Assert.Equal(Truth.Alpha, Assert.IsType<LossLawFit.Converged>(fit).Law.Alpha, 1e-4);
    }

    [Fact]
    public void A_constant_rate_alone_leaves_the_annealing_term_at_zero()
    {
        var fit = AnnealingLossLaw.Fit([Made(Sched.Const(2e-3), Truth)]);

        var law = Assert.IsType<LossLawFit.Converged>(fit).Law;
        Assert.Equal(0, law.C);
        Assert.Equal(Truth.Alpha, law.Alpha, 1e-6);
    }

    [Fact]
    public void First_step_leaves_earlier_losses_out_but_keeps_their_rates()
    {
        // Garbage in the first 100 losses; fitting from step 101 must not see it.
        var rates = LossCurve.LearningRatesOf(Sched.Cos(2e-3, 0), Steps);
        var losses = Truth.Predict(rates).Select((l, i) => i < 100 ? 50.0 : l).ToArray();
        var constant = Made(Sched.Const(2e-3), Truth);

        var fit = AnnealingLossLaw.Fit([constant, LossCurve.PerStep(rates, losses)], new LossLawFitOptions { FirstStep = 101 });

        Assert.Equal(Truth.C, Assert.IsType<LossLawFit.Converged>(fit).Law.C, 1e-6);
        Assert.Equal(2 * (Steps - 100), fit.Points);
    }

    [Fact]
    public void An_iteration_limit_too_small_is_not_converged_with_its_residual_and_no_law()
    {
        var random = new Random(3);
        var fit = AnnealingLossLaw.Fit(
            [Made(Sched.Const(2e-3), Truth, _ => 0.05 * random.NextDouble()), Made(Sched.Cos(2e-3, 0), Truth, _ => 0.05 * random.NextDouble())],
            new LossLawFitOptions { MaxIterations = 1 });

        var failed = Assert.IsType<LossLawFit.NotConverged>(fit);
        Assert.Contains("iteration limit (1)", failed.Reason, StringComparison.Ordinal);
        Assert.True(double.IsFinite(failed.Rmse) && failed.Rmse > 0, $"rmse {failed.Rmse}");
        Assert.Equal(1, failed.Iterations);
    }
}
