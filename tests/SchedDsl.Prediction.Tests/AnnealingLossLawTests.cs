using Xunit;

namespace SchedDsl.Prediction.Tests;

/// <summary>The law's areas and values, checked against sums written out by hand.</summary>
public sealed class AnnealingLossLawTests
{
    // Sums of a few doubles: 1e-12 is far above their rounding.
    private const double Tolerance = 1e-12;

    [Fact]
    public void The_areas_follow_the_papers_sums()
    {
        // Rates 4, 4, 2, 1 with λ = 0.5: S1 = 4, 8, 10, 11; m = 0, 0, 2, 0.5·2 + 1 = 2; S2 = 0, 0, 2, 4.
        var (s1, s2) = AnnealingAreas.Of([4, 4, 2, 1], 0.5);

        Assert.Equal([4, 8, 10, 11], s1);
        Assert.Equal([0, 0, 2, 4], s2);
    }

    [Fact]
    public void A_warmup_makes_the_annealing_area_negative()
    {
        var (_, s2) = AnnealingAreas.Of([1, 2, 3], 0.999);
        Assert.True(s2[1] < 0 && s2[2] < s2[1], string.Join(", ", s2));
    }

    [Fact]
    public void Predict_is_the_law_at_each_steps_areas()
    {
        var law = new AnnealingLossLaw(l0: 1, a: 2, alpha: 0.5, c: 3, lambda: 0.5);

        var predicted = law.Predict([4, 4, 2, 1]);

        // L = 1 + 2·S1^(-0.5) − 3·S2 with the areas above.
        Assert.Equal(1 + (2 / 2.0), predicted[0], Tolerance);
        Assert.Equal(1 + (2 / Math.Sqrt(8)), predicted[1], Tolerance);
        Assert.Equal(1 + (2 / Math.Sqrt(10)) - 6, predicted[2], Tolerance);
        Assert.Equal(1 + (2 / Math.Sqrt(11)) - 12, predicted[3], Tolerance);
    }

    [Fact]
    public void Predict_from_a_schedule_applies_it_at_fastai_positions()
    {
        var law = new AnnealingLossLaw(0.3, 0.45, 0.55, 1.2);

        Assert.Equal(law.Predict(Sched.Lin(1e-3, 2e-3), 4), law.Predict([1e-3, 1.25e-3, 1.5e-3, 1.75e-3]));
    }

    [Fact]
    public void Before_any_rate_the_prediction_is_infinite()
    {
        var law = new AnnealingLossLaw(0.3, 0.45, 0.55, 1.2);
        Assert.Equal(double.PositiveInfinity, law.Predict([0, 1e-3])[0]);
    }

    [Fact]
    public void The_law_prints_its_constants()
    {
        Assert.Equal("L(s) = 0.3 + 0.45·S1^(−0.55) − 1.2·S2 (λ = 0.999)", new AnnealingLossLaw(0.3, 0.45, 0.55, 1.2).ToString());
    }
}
