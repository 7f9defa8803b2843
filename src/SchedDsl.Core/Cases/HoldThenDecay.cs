using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// The hold-then-decay re-plan of a warmup-stable-decay shape: warmup and final decay keep their lengths in units, the
/// stable phase between them takes up the difference. The shapes it knows are the ones its declaration accepts.
/// </summary>
internal static class HoldThenDecay
{
    // How far (relative to the plan) `at` may pass the decay's start and still count as at it: the start is
    // planned·(1 − decay_pct), which rounds. The tolerance combine's pcts get.
    private const double Slack = Rules.PctsSumTolerance;

    private static FunctionSpec Function => TimeFunctions.ReplanHoldThenDecay;

    /// <summary>The warmup-stable-decay shape of <paramref name="sched"/> (a re-planned one's re-planned shape).</summary>
    /// <exception cref="SchedArgumentException">It has none.</exception>
    public static Sched ShapeOf(Sched sched) => sched switch
    {
        WsdSched or FlatCosSched => sched,
        ReplanSched { Held: { } held } => held,
        _ => throw new SchedArgumentException(
            Function.Name,
            "sched",
            $"must be a call of {string.Join(", ", Function.Params[0].Accepts)} (a stable phase, then a final decay) to hold its stable phase, got {sched}; re-plan other schedules with replan (stretch)"),
    };

    /// <summary><paramref name="shape"/> (from <see cref="ShapeOf"/>), planned for <paramref name="planned"/> units, re-planned for <paramref name="total"/>.</summary>
    /// <exception cref="SchedArgumentException"><paramref name="at"/> is inside the decay, or <paramref name="total"/> is too short for it.</exception>
    public static Sched Held(Sched shape, double planned, double at, double total)
    {
        var (warmupPct, decayPct) = shape switch
        {
            WsdSched wsd => (wsd.WarmupPct, wsd.DecayPct),
            _ => (0.0, 1 - ((FlatCosSched)shape).PctStart),
        };
        double warmup = warmupPct * planned, decay = decayPct * planned, decayStart = planned - decay;
        if (at - decayStart > Slack * planned)
        {
            throw new SchedArgumentException(
                Function.Name,
                "at",
                $"must be <= {Show(decayStart)}, where the decay begins (hold-then-decay keeps the whole decay, {Show(decay)} units; a decay already begun can be re-planned with replan), got {Show(at)}");
        }
        var held = Math.Max(at, warmup);
        if (held + decay - total > Slack * Math.Max(planned, total))
        {
            throw new SchedArgumentException(
                Function.Name,
                "total",
                $"must be >= {Show(held + decay)}: the decay's {Show(decay)} units after unit {Show(held)} (the later of at and the warmup's end), got {Show(total)}");
        }
        // Shares that overshoot by rounding only leave a stable phase of zero width.
        double newWarmup = Math.Min(1, warmup / total), newDecay = Math.Min(decay / total, 1 - newWarmup);
        return shape switch
        {
            WsdSched wsd => Sched.CheckWsd(wsd.Decay, wsd.Lr, newWarmup, newDecay, wsd.MinLrRatio),
            _ => Sched.FlatCos(((FlatCosSched)shape).Lr, ((FlatCosSched)shape).DivFinal, 1 - newDecay),
        };
    }

    private static string Show(double value) => NumberText.Format(value);
}
