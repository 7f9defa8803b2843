using Xunit;

namespace SchedDsl.Plotting.Tests;

/// <summary>
/// A schedule plot samples the grid and every join and peak (<see cref="ScheduleSamples"/>), so no plot hides a
/// maximum: issue 21's <c>schedsl plot "cyclic(1e-3, 1e-2, 4)"</c> at 100 steps drew flat tops at 0.00964.
/// </summary>
public sealed class ScheduleSamplesTests
{
    [Fact]
    public void Cyclic_at_100_steps_reaches_every_peak()
    {
        var (xs, values) = ScheduleSamples.For(Sched.Parse("cyclic(1e-3, 1e-2, 4)").ForGroups(1), 100);
        // The peaks are at steps 12.5, 37.5, 62.5 and 87.5, between grid points: each is a sample, at 0.01.
        foreach (var peak in new[] { 12.5, 37.5, 62.5, 87.5 })
        {
            var at = Array.FindIndex(xs, x => Math.Abs(x - peak) <= 1e-12);
            Assert.True(at >= 0, $"no sample at step {peak}");
            Assert.Equal(0.01, values[0][at], 1e-15);
        }
        // Every grid step is still drawn, in order.
        Assert.All(Enumerable.Range(0, 101), i => Assert.Contains(xs, x => Math.Abs(x - i) <= 1e-12));
        Assert.Equal(xs.Order(), xs);
    }

    [Fact]
    public void A_combine_that_jumps_down_shows_the_top_before_the_jump()
    {
        // lin to 1 over 0.33, then a constant 0.2: on a grid of 10 the highest sample is at step 3 (0.909…).
        var (xs, values) = ScheduleSamples.For(Sched.Parse("combine([0.33, 0.67], [lin(0, 1), 0.2])").ForGroups(1), 10);
        var top = values[0].Max();
        // 1e-9 of position before the join: lin's slope 1/0.33 keeps it within 4e-9 of 1.
        Assert.Equal(1, top, 4e-9);
        Assert.Equal(3.3, xs[Array.IndexOf(values[0], top)], 1e-7);
        Assert.Contains(0.2, values[0]);
    }

    [Fact]
    public void Per_group_values_are_sampled_at_the_same_points()
    {
        var (xs, values) = ScheduleSamples.For(Sched.Parse("one_cycle(slice(1e-4, 1e-2), pct_start=0.33)").ForGroups(3), 10);
        Assert.Equal(3, values.Count);
        Assert.All(values, v => Assert.Equal(xs.Length, v.Length));
        // The peak of each group is at step 3.3 and is its lr_max.
        var peak = Array.FindIndex(xs, x => Math.Abs(x - 3.3) <= 1e-9);
        Assert.Equal([1e-4, 1e-3, 1e-2], values.Select(v => v[peak]), (a, b) => Math.Abs(a - b) <= 1e-15);
    }
}
