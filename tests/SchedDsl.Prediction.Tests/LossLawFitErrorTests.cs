using Xunit;

namespace SchedDsl.Prediction.Tests;

/// <summary>Bad curves are clear errors that name the curve, the loss and the step; never a NaN law.</summary>
public sealed class LossLawFitErrorTests
{
    private static readonly AnnealingLossLaw Law = new(0.3, 0.45, 0.55, 1.2);

    private static LossCurve Curve(Sched lr, int steps)
    {
        var rates = LossCurve.LearningRatesOf(lr, steps);
        return LossCurve.PerStep(rates, Law.Predict(rates));
    }

    [Fact]
    public void A_curve_too_short_names_the_minimum()
    {
        var error = Assert.Throws<ArgumentException>(() => AnnealingLossLaw.Fit([Curve(Sched.Const(1e-3), 100), Curve(Sched.Cos(1e-3, 0), 4)]));

        Assert.StartsWith("curve 1 is too short to fit: 4 loss(es) from step 1 with a learning rate applied, at least 5 needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_step_counts_in_the_length()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AnnealingLossLaw.Fit([Curve(Sched.Const(1e-3), 100)], new LossLawFitOptions { FirstStep = 97 }));

        Assert.StartsWith("curve 0 is too short to fit: 4 loss(es) from step 97", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void A_loss_not_finite_names_its_curve_index_and_step(double bad, string shown)
    {
        var rates = LossCurve.LearningRatesOf(Sched.Cos(1e-3, 0), 50);
        var losses = Law.Predict(rates);
        losses[12] = bad;

        var error = Assert.Throws<ArgumentException>(() => AnnealingLossLaw.Fit([Curve(Sched.Const(1e-3), 50), LossCurve.PerStep(rates, losses)]));

        Assert.StartsWith($"curve 1: loss 12 (after step 13) is {shown}; every loss must be finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_curve_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => AnnealingLossLaw.Fit([]));
        Assert.StartsWith("fitting needs at least one loss curve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_and_losses_of_different_lengths_are_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => LossCurve.PerStep([1e-3, 1e-3, 1e-3], [2.0, 1.9]));
        Assert.StartsWith("one loss per step is needed: 3 learning rates but 2 losses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_rate_names_its_step()
    {
        var error = Assert.Throws<ArgumentException>(() => LossCurve.PerStep([1e-3, -1e-3], [2.0, 1.9]));
        Assert.StartsWith("learning rate 1 (step 2) must be finite and >= 0, got -0.001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_out_of_order_are_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => LossCurve.AtSteps(Sched.Const(1e-3), 10, [2, 5, 5], [2.0, 1.9, 1.8]));
        Assert.StartsWith("steps must increase within [1, 10]; steps[2] is 5 after 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_group_schedule_has_no_single_rate_per_step()
    {
        var error = Assert.Throws<ArgumentException>(() => Law.Predict(Sched.Parse("one_cycle(slice(1e-4, 1e-2))"), 10));
        Assert.Contains("has per-group values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Lambda_outside_0_to_1_is_an_error(double lambda)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LossLawFitOptions { Lambda = lambda });
        Assert.StartsWith("lambda must be in [0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_law_needs_a_positive_exponent()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingLossLaw(0.3, 0.4, 0, 1));
        Assert.StartsWith("alpha must be > 0, got 0", error.Message, StringComparison.Ordinal);
    }
}
