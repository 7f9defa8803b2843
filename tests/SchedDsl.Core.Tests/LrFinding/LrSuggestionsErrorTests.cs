using SchedDsl.LrFinding;
using Xunit;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>Invalid curves and arguments: one message that names the function, the parameter, the value and the range.</summary>
public sealed class LrSuggestionsErrorTests
{
    private static readonly double[] Lrs = [.. Enumerable.Range(0, 20).Select(i => 1e-7 * Math.Pow(10, i / 2.0))];
    private static readonly double[] Losses = [.. Enumerable.Range(0, 20).Select(i => 2.0 - (0.05 * i))];

    public static TheoryData<LrSuggestionMethod> Methods() => [.. Enum.GetValues<LrSuggestionMethod>()];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Different_lengths(LrSuggestionMethod method) =>
        Expect(() => LrSuggestions.Suggest(method, Lrs, Losses.AsSpan(..19)),
            $"{ReferenceCurves.FastaiName(method)}: losses must have one value per learning rate: lrs has 20 points, losses has 19");

    [Theory]
    [MemberData(nameof(Methods))]
    public void All_nan_losses(LrSuggestionMethod method) =>
        Expect(() => LrSuggestions.Suggest(method, Lrs, Enumerable.Repeat(double.NaN, 20).ToArray()),
            $"{ReferenceCurves.FastaiName(method)}: losses must hold at least one number, got 20 NaN values");

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1e-3, "-0.001")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Learning_rates_must_be_finite_and_positive(double bad, string shown)
    {
        var lrs = (double[])Lrs.Clone();
        lrs[3] = bad;
        Expect(() => LrSuggestions.Steep(lrs, Losses), $"steep: lrs must be finite and > 0 at every point, got lrs[3] = {shown}");
    }

    [Theory]
    [InlineData(LrSuggestionMethod.Minimum, 0, "minimum: lrs must have at least 1 point, got 0")]
    [InlineData(LrSuggestionMethod.Valley, 0, "valley: lrs must have at least 1 point, got 0")]
    [InlineData(LrSuggestionMethod.Steep, 1, "steep: lrs must have at least 2 points (one segment), got 1")]
    [InlineData(LrSuggestionMethod.Slide, 15, "slide: lrs must have at least 16 points (lr_diff + 1, lr_diff = 15), got 15")]
    public void Too_few_points_says_how_many_are_needed_and_given(LrSuggestionMethod method, int count, string message)
    {
        Assert.Equal(LrSuggestions.RequiredPoints(method), count + 1);
        Expect(() => LrSuggestions.Suggest(method, Lrs.AsSpan(..count), Losses.AsSpan(..count)), message);
        LrSuggestions.Suggest(method, Lrs.AsSpan(..(count + 1)), Losses.AsSpan(..(count + 1))); // one more is enough
    }

    [Fact]
    public void Slide_arguments()
    {
        Expect(() => LrSuggestions.Slide(Lrs, Losses, lrDiff: -1), "slide: lr_diff must be >= 0, got -1");
        Expect(() => LrSuggestions.Slide(Lrs, Losses, thresh: double.NaN), "slide: thresh must be a finite number, got NaN");
        Expect(() => LrSuggestions.Slide(Lrs, Losses, adjustValue: 0), "slide: adjust_value must be > 0, got 0");
        Expect(() => LrSuggestions.Slide(Lrs.AsSpan(..5), Losses.AsSpan(..5), lrDiff: 5), "slide: lrs must have at least 6 points (lr_diff + 1, lr_diff = 5), got 5");
        Expect(() => LrSuggestions.Slide(Lrs.AsSpan(..1), Losses.AsSpan(..1), lrDiff: 0), "slide: lrs must have at least 2 points (for the gradient), got 1");
    }

    [Fact]
    public void Slide_with_lr_diff_int_max_value_names_the_points_needed_instead_of_overflowing() =>
        Expect(() => LrSuggestions.Slide(Lrs, Losses, lrDiff: int.MaxValue),
            $"slide: lrs must have at least 2147483648 points (lr_diff + 1, lr_diff = {int.MaxValue}), got 20");

    [Fact]
    public void All_checks_the_curve_and_leaves_short_methods_null()
    {
        Expect(() => LrSuggestions.All(Lrs, Losses.AsSpan(..3)), "lr_find: losses must have one value per learning rate: lrs has 20 points, losses has 3");
        var empty = LrSuggestions.All([], []);
        Assert.Equal(new LrSuggestionSet(null, null, null, null), empty);
        var one = LrSuggestions.All(Lrs.AsSpan(..1), Losses.AsSpan(..1));
        Assert.NotNull(one.Minimum);
        Assert.NotNull(one.Valley);
        Assert.Null(one.Steep);
        Assert.Null(one.Slide);
    }

    private static void Expect(Action action, string message)
    {
        var error = Assert.Throws<SchedArgumentException>(action);
        // ArgumentException appends " (Parameter 'name')".
        Assert.Equal(message, error.Message.Split(" (Parameter '", 2)[0]);
    }
}
