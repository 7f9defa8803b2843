using Xunit;

namespace SchedDsl.Core.Tests;

/// <summary>Comparisons with the tolerances our golden numbers allow.</summary>
internal static class Tolerance
{
    /// <summary>
    /// fastai's <c>test_close</c> default (<c>eps=1e-5</c>), for the seed's printed numbers: they are rounded
    /// to 5 decimals, so nothing tighter is meaningful.
    /// </summary>
    public const double Seed = 1e-5;

    /// <summary>Same formula computed in double by two routes: a few ulps of relative error.</summary>
    public const double Double = 1e-12;

    public static void Close(double expected, double actual, double tolerance, string? because = null)
    {
        var scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= tolerance * scale,
            $"expected {expected:R}, got {actual:R} (tolerance {tolerance:R}){(because is null ? "" : ": " + because)}");
    }

    public static void AllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], tolerance, $"index {i}");
        }
    }
}
