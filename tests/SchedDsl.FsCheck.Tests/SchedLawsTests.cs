using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace SchedDsl.Testing.Tests;

/// <summary>Each law passes on good schedules and catches a deliberately broken one, naming the schedule and the position.</summary>
public sealed class SchedLawsTests
{
    // Custom annealers are the one way to hand the laws a schedule that misbehaves: their values are their own.
    private static readonly AnnealerFactory LogAnnealer = Sched.Annealer("log_anneal", (start, end, pos) => start + ((end - start) * Math.Log(pos)));
    private static readonly AnnealerFactory ShortAnnealer = Sched.Annealer("short_anneal", (start, end, pos) => start + ((end - start) * 0.9 * pos));

    [Fact]
    public void Finite_catches_infinity_at_the_start()
    {
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.Finite(LogAnnealer.Create(0, 1)));
        Assert.Equal("finite", e.Law);
        Assert.Equal(0.0, e.Position);
        Assert.Contains("log_anneal(0, 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_within_catches_a_peak_above_the_bound_and_honours_open_ends()
    {
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.KeepsWithin(Sched.OneCycle(0.2), 0, 0.1, minExclusive: true));
        Assert.Contains("one_cycle(0.2)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(0, 0.1]", e.Message, StringComparison.Ordinal);
        SchedLaws.KeepsWithin(Sched.OneCycle(0.1), 0, 0.1, minExclusive: true);
        Assert.Throws<SchedLawException>(() => SchedLaws.KeepsWithin(Sched.OneCycle(0.1), 0, 0.1, maxExclusive: true));
        Assert.Throws<SchedLawException>(() => SchedLaws.KeepsWithin(Sched.WarmupCosine(0.1, 0.1), 0, 0.1, minExclusive: true));
    }

    [Fact]
    public void Keeps_within_checks_every_group()
    {
        var perGroup = Sched.Cos(Hyper.Of(0.1, 0.2), 0);
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.KeepsWithin(perGroup, 0, 0.15, groupCount: 2));
        Assert.Contains("group 1 of 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<SchedLawException>(() => SchedLaws.KeepsWithin(perGroup, 0, 1, groupCount: 3));
    }

    [Fact]
    public void Starts_and_ends_at_catches_an_annealer_that_falls_short()
    {
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.StartsAndEndsAt(ShortAnnealer.Create(0, 1), 0, 1));
        Assert.Equal(1.0, e.Position);
        // Custom annealers promise nothing, so the structural law passes them.
        SchedLaws.KeepsEndpoints(ShortAnnealer.Create(0, 1));
    }

    [Fact]
    public void Endpoints_are_promised_through_then_and_presets()
    {
        SchedLaws.KeepsEndpoints(Sched.Lin(0.1, 0.5).Then(0.3, Sched.Exp(1e-3, 1e-5)).Then(0.9, Sched.No(2, 7)));
        SchedLaws.StartsAndEndsAt(Sched.Lin(0.1, 0.5).Then(0.3, Sched.Exp(1e-3, 1e-5)), 0.1, 1e-5);
        SchedLaws.StartsAndEndsAt(Sched.OneCycle(1e-2), 1e-2 / 25, 1e-2 / 1e5);
        SchedLaws.StartsAndEndsAt(Sched.No(2, 7), 2, 2);
    }

    [Fact]
    public void Endpoints_follow_the_join_snap_for_parts_narrower_than_it()
    {
        // Found by the generator: the first cycle is 4e-14 of training, within CombineSched.JoinSnap of 0, so At(0)
        // is already the second cycle's start (-1000 * decay), as documented for positions near a join.
        var sched = Sched.Parse("sgdr_decay(-1000, 6, cycle_mult=487.528490103386, decay=0.06867838859855498)");
        SchedLaws.KeepsEndpoints(sched);
        Assert.Equal(-1000 * 0.06867838859855498, sched.At(0), 9);
    }

    [Fact]
    public void Continuity_is_checked_where_promised_and_everywhere_on_request()
    {
        SchedLaws.ContinuousAtJoins(Sched.OneCycle(1e-2, pctStart: 0.001));
        SchedLaws.ContinuousAtJoins(Sched.WarmupCosine(1e-3, 0.05, 0.1, 0.01));
        // A staircase promises jumps; held to every join, its first stair is the counterexample.
        var steps = Sched.StepDecay(0.1, 0.25);
        SchedLaws.ContinuousAtJoins(steps);
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.ContinuousAtJoins(steps, everyJoin: true));
        Assert.Equal(0.25, e.Position!.Value, 12);
        Assert.Contains("step_decay", e.Message, StringComparison.Ordinal);
        var sawtooth = Sched.CombineScheds([0.5, 0.5], [Sched.Lin(0, 1), Sched.Lin(0, 1)]);
        Assert.Throws<SchedLawException>(() => SchedLaws.ContinuousAtJoins(sawtooth, everyJoin: true));
    }

    [Fact]
    public void Text_round_trip_catches_a_custom_annealer_it_is_not_told_about()
    {
        var sched = ShortAnnealer.Create(0, 1);
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.RoundTripsThroughText(sched));
        Assert.Contains("does not parse", e.Message, StringComparison.Ordinal);
        SchedLaws.RoundTripsThroughText(sched, ShortAnnealer);
    }

    [Fact]
    public void Json_round_trip_catches_a_custom_annealer_it_is_not_told_about()
    {
        var sched = Sched.Lin(0, 1).Then(0.5, ShortAnnealer.Create(1, 0));
        var e = Assert.Throws<SchedLawException>(() => SchedLaws.RoundTripsThroughJson(sched));
        Assert.Contains("JSON round trip", e.Message, StringComparison.Ordinal);
        SchedLaws.RoundTripsThroughJson(sched, ShortAnnealer);
    }

    [Property(MaxTest = 50)]
    public Property Positions_of_a_generated_schedule_evaluate_without_throwing() =>
        Prop.ForAll(SchedGen.Arbitrary(new SchedGenOptions { GroupCount = 1 }), s =>
            Prop.ForAll(SchedGen.PositionIn(s).ToArbitrary(), pos => double.IsFinite(s.At(pos))));
}
