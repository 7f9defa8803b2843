using SchedDsl.LrFinding;
using Xunit;
using static SchedDsl.Core.Tests.LrFinding.ReferenceCurves;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary><see cref="LrFindCurve"/>: the one JSON format of a recorded LR-finder curve, and lr_find's suggestions on it.</summary>
public sealed class LrFindCurveTests
{
    public static TheoryData<string> CurveNames() => [.. Names];

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void Json_round_trips_every_reference_curve_bit_for_bit(string name)
    {
        var (lrs, losses, numIt) = Curve(name);
        var back = LrFindCurve.FromJson(new LrFindCurve(lrs, losses, numIt).ToJson());
        Assert.Equal(numIt, back.NumIt);
        Assert.Equal(lrs.Select(BitConverter.DoubleToInt64Bits), back.Lrs.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(losses.Select(BitConverter.DoubleToInt64Bits), back.Losses.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void Suggest_is_lr_find_trim_then_all_four(string name)
    {
        var (lrs, losses, numIt) = Curve(name);
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        var expected = trimmedLrs.Length < 2 ? (LrSuggestionSet?)null : LrSuggestions.All(trimmedLrs, trimmedLosses);
        Assert.Equal(expected, new LrFindCurve(lrs, losses, numIt).Suggest());
    }

    [Fact]
    public void Json_writes_nan_and_infinity_as_the_strings_suggest_reads()
    {
        var json = new LrFindCurve([1e-3, 1e-2, 0.1], [2.5, double.PositiveInfinity, double.NaN], 100).ToJson();
        Assert.Equal("""{"lrs":[0.001,0.01,0.1],"losses":[2.5,"Infinity","NaN"],"num_it":100}""", json);
    }

    [Fact]
    public void From_json_without_num_it_takes_the_number_of_points_and_ignores_other_properties()
    {
        var curve = LrFindCurve.FromJson("""{"lrs":[0.001,0.01],"losses":[1,"-Infinity"],"note":"x"}""");
        Assert.Equal(2, curve.NumIt);
        Assert.Equal(double.NegativeInfinity, curve.Losses[1]);
    }

    [Theory]
    [InlineData("{\"lrs\":[1e-3,1e-2", "not valid JSON: ")]
    [InlineData("[1, 2]", "expected an object {\"lrs\":[...],\"losses\":[...],\"num_it\":N}, got [1,2]")]
    [InlineData("{\"losses\":[1]}", "\"lrs\" must be an array of numbers, got nothing")]
    [InlineData("{\"lrs\":[1e-3,true],\"losses\":[1,2]}", "lrs[1] must be a number or \"NaN\", got true")]
    [InlineData("{\"lrs\":[1e-3,1e-2],\"losses\":[1,2],\"num_it\":-1}", "\"num_it\" must be an integer >= 0, got -1")]
    public void Bad_json_is_a_format_exception_that_says_where(string json, string message)
    {
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => LrFindCurve.FromJson(json)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_lengths_are_refused_at_creation()
    {
        var e = Assert.Throws<SchedArgumentException>(() => new LrFindCurve([1e-3, 1e-2], [1.0], 2));
        Assert.Equal("lr_find: losses must have one value per learning rate: lrs has 2 points, losses has 1", e.Message);
    }
}
