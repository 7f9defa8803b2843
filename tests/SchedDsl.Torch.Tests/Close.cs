using Xunit;

namespace SchedDsl.Torch.Tests;

internal static class Close
{
    // Hyper-parameters pass through doubles only (schedule -> optimizer option), so they match the core schedule to
    // rounding of the same double arithmetic; 1e-12 relative leaves room for Sched evaluating a Then/Combine split.
    public const double Relative = 1e-12;

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = Relative)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var tolerance = relative * Math.Max(1e-300, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"at {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
