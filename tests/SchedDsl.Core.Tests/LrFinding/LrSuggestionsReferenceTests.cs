using SchedDsl.LrFinding;
using Xunit;
using static SchedDsl.Core.Tests.LrFinding.ReferenceCurves;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>
/// Each suggestion function against fastai's own code (ported verbatim, run on PyTorch 1.13) on the reference
/// curves, untrimmed (<c>raw_suggestions_*</c>: the functions called directly) and trimmed as <c>lr_find</c> trims
/// (<c>lr_find_suggestions_*</c>).
/// </summary>
public sealed class LrSuggestionsReferenceTests
{
    // float64 tensors: the same arithmetic in the same precision (torch's log/np.gradient/np.interp vs Math.*):
    // at most an ulp or two apart.
    private const double Float64 = 1e-12;

    // fastai's own float32 tensors: each lr is rounded to float32 (relative error <= 2^-24 ~ 6e-8), and slide's
    // interpolated loss comes from float32 log10s that no longer hit the grid point exactly (up to 2e-7 measured).
    // 1e-6 is five times the larger of the two, and far below the ~20% step between neighbouring lrs, so a different
    // point would still fail.
    private const double Float32 = 1e-6;

    public static TheoryData<string, LrSuggestionMethod> Cases()
    {
        var data = new TheoryData<string, LrSuggestionMethod>();
        foreach (var name in Names)
        {
            foreach (var method in Enum.GetValues<LrSuggestionMethod>())
            {
                data.Add(name, method);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Raw_curve_matches_fastai_in_float64(string name, LrSuggestionMethod method)
    {
        var (lrs, losses, _) = Curve(name);
        ExpectSame(lrs, losses, method, Suggestion(name, "raw_suggestions_float64", FastaiName(method)), Float64);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Raw_curve_matches_fastai_in_float32_loosely(string name, LrSuggestionMethod method)
    {
        var (lrs, losses, _) = Curve(name);
        ExpectSame(lrs, losses, method, Suggestion(name, "raw_suggestions_float32", FastaiName(method)), Float32);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trimmed_curve_matches_lr_find_in_float64(string name, LrSuggestionMethod method)
    {
        var (lrs, losses, numIt) = Curve(name);
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        ExpectSame(trimmedLrs, trimmedLosses, method, Suggestion(name, "lr_find_suggestions_float64", FastaiName(method)), Float64);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trimmed_curve_matches_lr_find_in_float32_loosely(string name, LrSuggestionMethod method)
    {
        var (lrs, losses, numIt) = Curve(name);
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        ExpectSame(trimmedLrs, trimmedLosses, method, Suggestion(name, "lr_find_suggestions_float32", FastaiName(method)), Float32);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_and_float64_choose_the_same_point_on_every_reference_curve(string name, LrSuggestionMethod method)
    {
        // fastai's float32 rounding could in principle break a near-tie differently from double (two losses or two
        // slopes within float32 rounding of each other). On these curves it never does: fastai's float32 and float64
        // runs pick the same point for every method, raw and trimmed, and so do we. If a future curve has such a
        // tie, we follow the float64 choice (double arithmetic); this test then names the case.
        var (lrs, losses, numIt) = Curve(name);
        var range = LrCurve.TrimmedRange(lrs, losses, numIt);
        foreach (var (set, curveLrs, offset) in new[] { ("raw", lrs, 0), ("lr_find", lrs[range], range.Start.Value) })
        {
            var f32 = Suggestion(name, $"{set}_suggestions_float32", FastaiName(method));
            var f64 = Suggestion(name, $"{set}_suggestions_float64", FastaiName(method));
            Assert.Equal(f64.Error, f32.Error);
            if (f64.Error is null)
            {
                Assert.Equal(IndexOf(lrs, f64.PointLr), IndexOf(lrs, f32.PointLr));
                Assert.Equal(IndexOf(curveLrs, f64.PointLr) + offset, IndexOf(lrs, f32.PointLr));
            }
        }
    }

    [Fact]
    public void Slide_on_a_curve_shorter_than_16_points_says_so_where_fastai_raises_IndexError()
    {
        // stops_too_early: 27 points recorded, 12 left after trimming; fastai: "IndexError: index -16 is out of bounds".
        var (lrs, losses, numIt) = Curve("stops_too_early");
        Assert.StartsWith("IndexError", Suggestion("stops_too_early", "lr_find_suggestions_float64", "slide").Error, StringComparison.Ordinal);
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        var error = Assert.Throws<SchedArgumentException>(() => LrSuggestions.Slide(trimmedLrs, trimmedLosses));
        Assert.Equal("slide: lrs must have at least 16 points (lr_diff + 1, lr_diff = 15), got 12", error.Message.Split(" (Parameter")[0]);
        Assert.Null(LrSuggestions.All(trimmedLrs, trimmedLosses).Slide);
    }

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void All_equals_the_four_functions(string name)
    {
        var (lrs, losses, _) = Curve(name);
        var all = LrSuggestions.All(lrs, losses);
        foreach (var method in Enum.GetValues<LrSuggestionMethod>())
        {
            Assert.Equal(LrSuggestions.Suggest(method, lrs, losses), all[method]);
        }
    }

    public static TheoryData<string> CurveNames() => [.. Names];

    private static void ExpectSame(double[] lrs, double[] losses, LrSuggestionMethod method, Expected expected, double tolerance)
    {
        if (expected.Error is not null)
        {
            // fastai raised (only slide on a curve under 16 points does, on these curves): we raise a clear error.
            Assert.Throws<SchedArgumentException>(() => LrSuggestions.Suggest(method, lrs, losses));
            return;
        }
        var actual = LrSuggestions.Suggest(method, lrs, losses);
        Assert.Equal(IndexOf(lrs, method == LrSuggestionMethod.Minimum ? expected.PointLr : expected.Lr), actual.Index);
        Relative(expected.Lr, actual.Lr, tolerance, "lr");
        Relative(expected.PointLr, actual.PointLr, tolerance, "point x");
        Relative(expected.PointLoss, actual.PointLoss, tolerance, "point y");
    }

    private static void Relative(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {tolerance:R})");
    }
}
