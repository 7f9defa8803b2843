using Xunit;

namespace SchedDsl.Core.Tests.Composition;

/// <summary>
/// <see cref="Sched.Breakpoints"/>: the joins a schedule's structure gives (combine joins, cyclic peaks, restarts,
/// step boundaries), each with the position just before it, so sampling them finds every maximum and minimum.
/// </summary>
public sealed class BreakpointsTests
{
    [Fact]
    public void Cyclic_lists_each_peak_and_each_cycle_boundary()
    {
        var sched = Sched.Parse("cyclic(1e-3, 1e-2, 4)");
        var points = sched.Breakpoints();
        // Four triangles, each half up (pct_up=0.5): peaks at (c + 0.5)/4, cycle boundaries at c/4; each join
        // follows the point just before it.
        double[] joins = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];
        Assert.Equal(2 * joins.Length, points.Length);
        Assert.All(joins.Zip(points.Where((_, i) => i % 2 == 1)), pair => Assert.Equal(pair.First, pair.Second, 1e-15));
        // The grid of 100 steps never lands on a peak (0.125*100 = 12.5): its highest value is at step 12,
        // 1e-3 + 9e-3 * 0.12/0.125 = 0.00964 (the plot's flat tops of issue 21).
        Assert.Equal(0.00964, Enumerable.Range(0, 101).Max(i => sched.At(i / 100.0)), 1e-15);
        Assert.Equal(0.01, points.Max(sched.At), 1e-15);
    }

    [Fact]
    public void A_combine_lists_its_joins_and_the_value_just_before_a_jump()
    {
        // The lin ends at 1 and the constant starts at 0.2: the maximum is the left side of the join.
        var sched = Sched.Parse("combine([0.3, 0.7], [lin(0, 1), 0.2])");
        var points = sched.Breakpoints();
        Assert.Equal([0.3 - Sched.BeforeJoin, 0.3], points);
        // lin's slope is 1/0.3 per unit of position, so 1e-9 before the join is within 4e-9 of 1.
        Assert.Equal(1, sched.At(points[0]), 4e-9);
        Assert.Equal(0.2, sched.At(points[1]));
    }

    [Fact]
    public void Zero_width_parts_add_no_join_and_reverse_mirrors()
    {
        Assert.Equal([0.5 - Sched.BeforeJoin, 0.5], Sched.Parse("combine([0, 0.5, 0.5], [1, lin(0, 1), 0])").Breakpoints());
        // poly_decay's warmup of 0.2 then a reversed poly: one join at 0.2.
        Assert.Equal([0.2 - Sched.BeforeJoin, 0.2], Sched.PolyDecay(1, warmupPct: 0.2).Breakpoints());
        Assert.Empty(Sched.Parse("cos(0, 1)").Breakpoints());
        Assert.Empty(Sched.Parse("0.5").Breakpoints());
    }

    [Fact]
    public void A_fractional_repeat_lists_no_join_past_its_end()
    {
        // 2.5 cycles: boundaries at 0.4 and 0.8, peaks at 0.2 and 0.6; the third peak would be at 1.0.
        var joins = Sched.Parse("cyclic(0, 1, 2.5)").Breakpoints().Where((_, i) => i % 2 == 1).ToArray();
        Assert.Equal(4, joins.Length);
        Assert.All(joins.Zip([0.2, 0.4, 0.6, 0.8]), pair => Assert.Equal(pair.Second, pair.First, 1e-15));
    }

    [Fact]
    public void The_walk_is_bounded_for_a_huge_cycle_count()
    {
        // A billion cycles: the first MaxJoinsListed joins, each with its point before (which here, 1e-9 apart,
        // often coincides with the previous join: the positions are listed once).
        var points = Sched.Parse("cyclic(0, 1, 1e9)").Breakpoints();
        Assert.InRange(points.Length, Sched.MaxJoinsListed, 2 * Sched.MaxJoinsListed);
    }

    /// <summary>
    /// The claim plots rely on: between joins every built-in part is monotone, so the maximum and minimum over the
    /// joins (and the ends) are those over a fine grid. Texts without a repeat's gamma (which bends a cycle's ramps).
    /// </summary>
    [Theory]
    [InlineData("cyclic(1e-3, 1e-2, 4)")]
    [InlineData("cyclic(1e-3, 1e-2, 3.3, pct_up=0.2, cycle_decay=0.5)")]
    [InlineData("one_cycle(1e-2, pct_start=0.33)")]
    [InlineData("sgdr(1e-2, 3, cycle_len=1, cycle_mult=2)")]
    [InlineData("combine([0.3, 0.6, 0.1], [lin(0, 1), cos(0.5, 0.2), exp(0.1, 2)])")]
    [InlineData("step_decay(1, 0.13, 3)")]
    [InlineData("wsd(1, 0.17, 0.31)")]
    [InlineData("cosine_restarts(1, 3.5, warmup_pct=0.07)")]
    [InlineData("poly_decay(1, 2, end_ratio=0.1, warmup_pct=0.13)")]
    public void No_maximum_or_minimum_lies_between_breakpoints(string text)
    {
        var sched = Sched.Parse(text);
        double[] sampled = [0, .. sched.Breakpoints(), 1];
        var fine = Enumerable.Range(0, 100_001).Select(i => sched.At(i / 100_000.0)).ToArray();
        var values = sampled.Select(sched.At).ToArray();
        var scale = fine.Max(Math.Abs);
        // A point 1e-9 before a join reads the earlier part's end within its slope * 1e-9: 1e-6 of the range is ample.
        Assert.True(values.Max() >= fine.Max() - (1e-6 * scale), $"{text}: max {values.Max()} < {fine.Max()}");
        Assert.True(values.Min() <= fine.Min() + (1e-6 * scale), $"{text}: min {values.Min()} > {fine.Min()}");
    }
}
