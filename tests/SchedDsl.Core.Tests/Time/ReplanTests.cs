using System.Text.Json;
using SchedDsl.Serialization;
using Xunit;

namespace SchedDsl.Core.Tests.Time;

/// <summary>Re-planning and cooldown branches by example: values, text, JSON and the errors for bad input.</summary>
public sealed class ReplanTests
{
    [Fact]
    public void An_extended_one_cycle_keeps_its_first_400_steps_and_stretches_the_rest_without_a_jump()
    {
        var lr = Sched.OneCycle(1e-2);
        var extended = lr.Replan(planned: 1000, at: 400, total: 1500);
        Assert.Equal("replan(one_cycle(0.01), 1000, 400, 1500)", extended.ToString());
        for (var i = 0; i < 400; i++)
        {
            Assert.Equal(lr.At(i / 1000.0), extended.At(i / 1500.0));
        }
        Assert.Equal(lr.At(0.4), extended.At(400 / 1500.0));
        // Unit 950 of 1500 is 550 of the 1100 remaining: 400 + 600·550/1100 = 700 of the original 1000.
        Tolerance.Close(lr.At(0.7), extended.At(950 / 1500.0), Tolerance.Double);
        Assert.Equal(lr.At(1), extended.At(1));
    }

    [Fact]
    public void A_shortened_fit_squeezes_the_rest_and_still_ends_at_the_end()
    {
        var lr = Sched.OneCycle(1e-2);
        var shortened = lr.Replan(1000, 400, 700);
        Tolerance.Close(lr.At(0.7), shortened.At(550 / 700.0), Tolerance.Double, "550 of 700 is 400 + 600·150/300 = 700 of 1000");
        Assert.Equal(lr.At(1), shortened.At(1));
    }

    [Fact]
    public void Hold_then_decay_lengthens_the_stable_phase_of_a_wsd_and_keeps_its_decay_units()
    {
        // wsd over 1000 steps: 100 warmup, 700 stable, 200 decay. Extended at 500 to 2000: 100, 1700, 200.
        var wsd = Sched.Wsd(1e-3, 0.1, 0.2);
        var held = wsd.Replan(1000, 500, 2000, ReplanPolicy.HoldThenDecay);
        Assert.Equal("replan_hold_then_decay(wsd(0.001, 0.1, 0.2), 1000, 500, 2000)", held.ToString());
        Assert.Equal(1e-3, held.At(1799 / 2000.0));
        Tolerance.Close(wsd.At(900 / 1000.0), held.At(1900 / 2000.0), Tolerance.Double, "half-way down the decay in both");
        Assert.Equal(wsd.At(1), held.At(1));
    }

    [Fact]
    public void Hold_then_decay_shrinks_the_stable_phase_composes_from_one_point_and_is_the_identity_at_the_same_length()
    {
        var wsd = Sched.WsdLinear(1e-3, 0.1, 0.2);
        var shortened = wsd.Replan(1000, 500, 800, ReplanPolicy.HoldThenDecay);
        Assert.Equal(1e-3, shortened.At(599 / 800.0));
        Tolerance.Close(wsd.At(0.9), shortened.At(700 / 800.0), Tolerance.Double, "half-way down the 200-unit decay");
        Assert.Equal(
            wsd.Replan(1000, 500, 3000, ReplanPolicy.HoldThenDecay),
            shortened.Replan(800, 500, 3000, ReplanPolicy.HoldThenDecay));
        // Resumed again later: the second re-plan starts from the first one's shape, its history kept.
        var again = shortened.Replan(800, 550, 1200, ReplanPolicy.HoldThenDecay);
        Assert.Equal(shortened.At(520 / 800.0), again.At(520 / 1200.0));
        Assert.Equal(1e-3, again.At(999 / 1200.0));
        // Inside the decay, the same length changes nothing, so nothing is refused.
        Assert.Same(wsd, wsd.Replan(1000, 900, 1000, ReplanPolicy.HoldThenDecay));
    }

    [Fact]
    public void Hold_then_decay_re_plans_fastais_fit_flat_cos()
    {
        var flat = Sched.FlatCos(1e-3);
        var held = flat.Replan(100, 50, 200, ReplanPolicy.HoldThenDecay);
        Assert.Equal(1e-3, held.At(174 / 200.0));
        Tolerance.Close(flat.At(0.9), held.At(190 / 200.0), Tolerance.Double, "15 of the 25 decay units in both");
    }

    [Fact]
    public void Re_planned_schedules_round_trip_through_text_and_json()
    {
        Sched[] scheds =
        [
            Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)).Replan(1000, 400, 1500),
            Sched.WsdLinear(1e-3, 0.1, 0.2).Replan(1000, 500, 800, ReplanPolicy.HoldThenDecay),
            Sched.Sgdr(1e-2, 3).Branch(900, 300, 100, CooldownShape.Sqrt, floor: 1e-5),
            Sched.CooldownCosine(Hyper.Of(1e-3, 1e-2), 1e-6),
        ];
        foreach (var sched in scheds)
        {
            Assert.Equal(sched, Sched.Parse(sched.ToString()));
            Assert.Equal(sched, SchedJson.Deserialize(SchedJson.Serialize(sched)));
        }
    }

    [Fact]
    public void A_branch_cools_down_from_the_trunks_value_at_the_branch_point()
    {
        var trunk = Sched.WsdLinear(1e-3, 0.05, 0);
        var branch = trunk.Branch(planned: 10_000, at: 6000, length: 1000, CooldownShape.Sqrt);
        Assert.Equal("branch_sqrt(wsd_linear(0.001, 0.05, 0), 10000, 6000, 1000)", branch.ToString());
        Assert.Equal(1e-3, branch.At(6000 / 7000.0));
        // A quarter of the way down: 1 - sqrt(1/4) = 1/2 of the lr is left.
        Tolerance.Close(5e-4, branch.At(6250 / 7000.0), Tolerance.Double);
        Assert.Equal(0, branch.At(1));
    }

    [Fact]
    public void Cooldown_shapes_give_their_formulas()
    {
        // 1 → 0 at t = 1/4: linear 3/4; cosine (1 + cos(π/4))/2; 1-sqrt 1 - 1/2.
        Assert.Equal(0.75, Sched.CooldownLinear(1).At(0.25));
        Tolerance.Close((1 + Math.Cos(Math.PI / 4)) / 2, Sched.CooldownCosine(1).At(0.25), Tolerance.Double);
        Assert.Equal(0.5, Sched.CooldownSqrt(1).At(0.25));
        Assert.Equal(Sched.CooldownSqrt(1, 0.1), Sched.Cooldown(1, CooldownShape.Sqrt, 0.1));
        Assert.Equal(Sched.CooldownSqrt(1, 0.1), Sched.Parse("cooldown_sqrt(1, floor=0.1)"));
    }

    [Theory]
    [InlineData("replan(one_cycle(0.01), 1000, 400, 300)", "replan: total must be >= at = 400 (the units already trained), got 300")]
    [InlineData("replan(one_cycle(0.01), 1000, 1200, 1500)", "replan: at must be <= planned = 1000 (a fit resumes at a unit it has reached), got 1200")]
    [InlineData("replan(one_cycle(0.01), 0, 0, 1500)", "replan: planned must be > 0, got 0")]
    [InlineData("replan(one_cycle(0.01), 1000, 0, 0)", "replan: total must be > 0, got 0")]
    [InlineData("replan(one_cycle(0.01), 1000, -1, 10)", "replan: at must be >= 0, got -1")]
    [InlineData("branch_linear(one_cycle(0.01), 1000, 400, 0)", "branch_linear: length must be > 0, got 0")]
    [InlineData(
        "replan_hold_then_decay(one_cycle(0.01), 1000, 400, 1500)",
        "replan_hold_then_decay: sched must be a call of wsd, wsd_linear, wsd_sqrt, flat_cos, replan_hold_then_decay (a stable phase, then a final decay) to hold its stable phase, got one_cycle(0.01); re-plan other schedules with replan (stretch)")]
    [InlineData(
        "replan_hold_then_decay(wsd(0.001, 0.1, 0.2), 1000, 900, 1500)",
        "replan_hold_then_decay: at must be <= 800, where the decay begins (hold-then-decay keeps the whole decay, 200 units; a decay already begun can be re-planned with replan), got 900")]
    [InlineData(
        "replan_hold_then_decay(wsd(0.001, 0.1, 0.2), 1000, 600, 700)",
        "replan_hold_then_decay: total must be >= 800: the decay's 200 units after unit 600 (the later of at and the warmup's end), got 700")]
    public void Bad_input_is_refused_with_what_is_wrong_and_the_allowed_range(string text, string message)
    {
        var parse = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Equal(message, parse.Reason);
    }

    [Fact]
    public void The_csharp_api_refuses_the_same_input_with_the_same_message()
    {
        var lr = Sched.OneCycle(1e-2);
        Assert.Equal(
            "replan: total must be >= at = 400 (the units already trained), got 300",
            Assert.Throws<SchedArgumentException>(() => lr.Replan(1000, 400, 300)).Message);
        Assert.Equal("replan_hold_then_decay", Assert.Throws<SchedArgumentException>(() => lr.Replan(1000, 400, 1500, ReplanPolicy.HoldThenDecay)).Function);
        Assert.Throws<ArgumentOutOfRangeException>(() => lr.Replan(1000, 400, 1500, (ReplanPolicy)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => lr.Branch(1000, 400, 100, (CooldownShape)7));
        Assert.Throws<ArgumentNullException>(() => Sched.ReplanStretch(null!, 1, 0, 1));
    }

    [Fact]
    public void A_json_error_names_the_path_of_the_blamed_value()
    {
        const string json = """{"fn": "replan", "sched": {"fn": "one_cycle", "lr_max": 0.01}, "planned": 1000, "at": 400, "total": 300}""";
        var error = Assert.Throws<JsonException>(() => SchedJson.Deserialize(json));
        Assert.StartsWith("$.total: replan: total must be >= at = 400", error.Message);
    }
}
