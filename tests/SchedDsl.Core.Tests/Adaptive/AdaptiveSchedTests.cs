using Xunit;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>Metric-driven schedules as values: the canonical warmup → plateau → 1-sqrt cooldown, text, errors, allocation.</summary>
public sealed class AdaptiveSchedTests
{
    private const string Canonical = "combine([0.1, 0.7, 0.2], [lin(0.0001, 0.001), plateau(0.001, factor=0.5, patience=1), from_current(cooldown_sqrt(1))])";

    private static AdaptiveSched CanonicalValue() =>
        AdaptiveSched.Combine(
            [0.1, 0.7, 0.2],
            [Sched.Lin(1e-4, 1e-3), AdaptiveSched.Plateau(Sched.Const(1e-3), factor: 0.5, patience: 1), AdaptivePart.FromCurrent(Sched.CooldownSqrt(1))]);

    [Fact]
    public void The_fluent_form_builds_the_same_phases()
    {
        var fluent = Sched.Lin(1e-4, 1e-3)
            .Then(0.1, AdaptiveSched.Plateau(Sched.Const(1e-3), factor: 0.5, patience: 1))
            .Then(0.8, AdaptivePart.FromCurrent(Sched.CooldownSqrt(1)));
        // Then takes absolute positions: 0.8 - 0.1 is 0.7000000000000001 in double, so compare values, not text.
        Assert.Equal(3, ((PhasesSched)fluent).Parts.Count);
        foreach (var pos in new[] { 0.0, 0.05, 0.1, 0.5, 0.8, 0.9, 1.0 })
        {
            Assert.Equal(CanonicalValue().At(pos, CanonicalValue().Start), fluent.At(pos, fluent.Start), 1e-15);
        }
    }

    [Fact]
    public void The_canonical_example_is_one_value_with_a_text_form()
    {
        var sched = CanonicalValue();
        Assert.Equal(Canonical, sched.ToString());
        Assert.Equal(sched, AdaptiveSched.Parse(Canonical));
        Assert.Equal(1, sched.RuleCount);
        Assert.True(AdaptiveSched.IsAdaptiveText(Canonical));
        Assert.False(AdaptiveSched.IsAdaptiveText("one_cycle(0.01)"));
    }

    [Fact]
    public void The_cooldown_starts_from_whatever_the_plateau_left_with_no_jump_at_either_join()
    {
        var sched = CanonicalValue();
        var state = sched.Start;
        // Five epochs inside the plateau phase with a flat loss: after patience+1 = 2 bad ones, each halves.
        foreach (var pos in new[] { 0.2, 0.3, 0.4, 0.5, 0.6 })
        {
            state = sched.Observe(state, pos, 1.0);
        }
        var left = sched.At(0.8 - 1e-9, state);
        Assert.Equal(1e-3 * 0.5 * 0.5, left, 1e-12);
        // The joins: warmup's end is the plateau's start (scale 1 there at first), and the cooldown starts where the plateau left.
        Assert.Equal(sched.At(0.1 - 1e-12, sched.Start), sched.At(0.1, sched.Start), 1e-12);
        Assert.Equal(left, sched.At(0.8, state), 1e-12);
        Assert.Equal(0, sched.At(1, state));
        // A metric observed in the cooldown moves nothing.
        Assert.Equal(state.Rules, sched.Observe(state, 0.9, 5.0).Rules);
    }

    [Theory]
    [InlineData("plateau(0.1, factor=1.5)", "plateau: factor must be in (0, 1), got 1.5", 21)]
    [InlineData("plateau(0.1, factor=0)", "plateau: factor must be in (0, 1), got 0", 21)]
    [InlineData("greedy(cos(1, 0), factor=1)", "greedy: factor must be in (0, 1), got 1", 26)]
    [InlineData("plateau(0.1, patience=2.5)", "plateau: patience must be a whole number in [0, 2147483647], got 2.5", 23)]
    [InlineData("plateau(0.1, bogus=1)", "plateau has no parameter 'bogus'; it takes sched, factor, patience, threshold, cooldown, min_lr, eps, every, maximize, threshold_abs", 20)]
    [InlineData("combine([0.5, 0.5], [from_current(cos(1, 0)), plateau(1)])", "combine: phases[0] is from_current, which needs a phase before it to start from", 21)]
    [InlineData("combine([0.5, 0.5], [plateau(1), from_current(cos(2, 0))])", "from_current: sched must start at 1 (it multiplies the value the phase before it left), got 2", 47)]
    [InlineData("one_cycle(0.01)", "this is a planned schedule; an adaptive one is plateau(…), greedy(…) or a combine with one of them as a phase", 1)]
    [InlineData("plateau(one_cycle(0.01, div=0))", "one_cycle: div must be > 0, got 0", 29)]
    public void Bad_text_names_the_argument_and_its_range(string text, string reason, int column)
    {
        var error = Assert.Throws<SchedParseException>(() => AdaptiveSched.Parse(text));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void A_factor_outside_0_1_is_refused_by_the_factories_with_its_name_and_range()
    {
        var error = Assert.Throws<SchedArgumentException>(() => AdaptiveSched.Plateau(Sched.Const(1), factor: 1));
        Assert.Equal("plateau: factor must be in (0, 1), got 1", error.Message);
        error = Assert.Throws<SchedArgumentException>(() => AdaptiveSched.Greedy(Sched.Const(1), factor: -0.5));
        Assert.Equal("greedy: factor must be in (0, 1), got -0.5", error.Message);
    }

    [Fact]
    public void Rules_observing_at_different_points_cannot_share_a_fit()
    {
        var error = Assert.Throws<SchedArgumentException>(() =>
            AdaptiveSched.Combine([0.5, 0.5], [AdaptiveSched.Plateau(Sched.Const(1)), AdaptiveSched.Greedy(Sched.Const(1), every: 100)]));
        Assert.Contains("observe at different points", error.Message);
    }

    [Fact]
    public void Greedy_rises_on_improvement_streaks_and_falls_on_plateaus_within_its_bounds()
    {
        // Reference semantics: Subramanian & Ganapathiraman's GreedyLR step (MetricRule.cs): more than patience good
        // observations divide by factor, more than patience bad ones multiply by it.
        var sched = AdaptiveSched.Greedy(Sched.Const(0.1), factor: 0.5, patience: 1, maxLr: 0.3, minLr: 0.05);
        double[] metrics = [5, 4, 3, 3, 3, 3, 3];
        double[] expected = [0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.05];
        var state = sched.Start;
        for (var k = 0; k < metrics.Length; k++)
        {
            state = sched.Observe(state, 0.5, metrics[k]);
            Assert.Equal(expected[k], sched.At(0.5, state), 1e-15);
        }
        // Three improvements more: a rise, capped at max_lr.
        foreach (var metric in new[] { 2.0, 1.0 })
        {
            state = sched.Observe(state, 0.5, metric);
        }
        Assert.Equal(0.1, sched.At(0.5, state), 1e-15);
        state = sched.Observe(sched.Observe(state, 0.5, 0.5), 0.5, 0.25);
        Assert.Equal(0.2, sched.At(0.5, state), 1e-15);
        state = sched.Observe(sched.Observe(state, 0.5, 0.1), 0.5, 0.05);
        Assert.Equal(0.3, sched.At(0.5, state), 1e-15);
    }

    [Fact]
    public void A_state_of_another_schedule_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AdaptiveSched.Plateau(Sched.Const(1)).At(0.5, CanonicalValue().Then(0.95, AdaptiveSched.Plateau(Sched.Const(1))).Start));
        Assert.Contains("a state of another schedule", error.Message);
    }

    [Fact]
    public void Evaluating_allocates_nothing()
    {
        var sched = CanonicalValue();
        var state = sched.Observe(sched.Start, 0.3, 1);
        Evaluate(sched, state);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Evaluate(sched, state);
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double Evaluate(AdaptiveSched sched, AdaptiveState state)
    {
        var sum = 0.0;
        for (var i = 0; i <= 1000; i++)
        {
            sum += sched.At(i / 1000.0, state);
        }
        return sum;
    }

    [Theory]
    [InlineData("plateau(0.01, factor=2, patience=-1)", "factor must be in (0, 1), got 2|patience must be >= 0, got -1")]
    [InlineData("greedy(one_cycle(0.01, div=0), factor=1.5, min_lr=2, max_lr=1)", "div must be > 0, got 0|factor must be in (0, 1), got 1.5|min_lr must be <= max_lr")]
    [InlineData("combine([0.5, 0.5], [plateau(1, patience=0.5), greedy(1, cooldown=-2)])", "patience must be a whole number|cooldown must be >= 0, got -2")]
    public void Every_problem_is_reported_at_once(string text, string expected)
    {
        var error = Assert.Throws<SchedParseException>(() => AdaptiveSched.Parse(text));
        var parts = expected.Split('|');
        Assert.Equal(parts.Length, error.Errors.Count);
        for (var i = 0; i < parts.Length; i++)
        {
            Assert.Contains(parts[i], error.Errors[i].Reason, StringComparison.Ordinal);
        }
    }
}
