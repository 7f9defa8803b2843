using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class PredictionStudyTests
{
    // Means of a few doubles near 1: 1e-12 is far above their rounding.
    private const double Tolerance = 1e-12;

    [Fact]
    public void Only_prediction_is_parsed_and_anything_else_is_the_usage()
    {
        var alone = CommandLine.Parse(["--only", "prediction"], TextWriter.Null)!;
        Assert.True(alone.Runs(CommandLine.Prediction));
        Assert.False(alone.Runs(CommandLine.Seeds));
        Assert.True(CommandLine.Parse([], TextWriter.Null)!.Runs(CommandLine.Prediction));
        var error = new StringWriter();
        Assert.Null(CommandLine.Parse(["--only", "schedules"], error));
        Assert.Contains("--only takes seeds, anytime, prediction (comma-separated), got 'schedules'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_equal_to_the_measured_one_has_no_error()
    {
        double[] measured = [.. Enumerable.Range(0, 200).Select(i => 2.0 / (1 + i))];
        var error = CurveError.Of(measured, measured, firstStep: 21);
        Assert.Equal(new CurveError(0, 0, 0, 0), error);
    }

    [Fact]
    public void A_constant_offset_is_the_final_error_and_the_rmse()
    {
        double[] measured = [.. Enumerable.Repeat(0.5, 100)];
        double[] predicted = [.. Enumerable.Repeat(0.6, 100)];

        var error = CurveError.Of(predicted, measured, firstStep: 11);

        Assert.Equal(0.1, error.FinalError, Tolerance);
        Assert.Equal(0.2, error.FinalRelative, Tolerance);
        Assert.Equal(0.1, error.Rmse, Tolerance);
        Assert.Equal(0.2, error.Mape, Tolerance);
    }

    [Fact]
    public void Steps_before_the_first_compared_one_do_not_count()
    {
        double[] measured = [.. Enumerable.Repeat(1.0, 100)];
        double[] predicted = [.. Enumerable.Range(0, 100).Select(i => i < 10 ? 9.0 : 1.0)];
        Assert.Equal(0, CurveError.Of(predicted, measured, firstStep: 11).Rmse, Tolerance);
    }

    [Fact]
    public void The_final_loss_is_the_mean_of_the_last_5_percent()
    {
        // 100 steps: the last 5 are 1, 2, 3, 4, 5 measured, 0 predicted.
        double[] measured = [.. Enumerable.Repeat(0.0, 95), 1, 2, 3, 4, 5];
        var error = CurveError.Of(new double[100], measured, firstStep: 1);
        Assert.Equal(-3, error.FinalError, Tolerance);
    }

    [Fact]
    public void Every_budget_fits_on_at_least_the_minimum_points_and_the_default_has_three_seeds()
    {
        // quick: 2,000 images / 64 = 31 steps; from step 4 on that is 28 losses per fitted curve, over the library's 5.
        Assert.Equal(4, PredictionBudget.FirstStep(31));
        Assert.Equal(47, PredictionBudget.FirstStep(468));
        Assert.Equal(3, PredictionBudget.For(Budget.Default).Seeds.Count);
        Assert.Equal(2, PredictionStudy.Arms.Count(a => a.Fitted));
    }
}
