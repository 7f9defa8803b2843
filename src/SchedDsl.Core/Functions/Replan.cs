#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>Time and length: re-planning a fit mid-run, cooldowns, and cooldown branches off a trunk.</summary>
internal static partial class TimeFunctions
{
    public static readonly FunctionSpec Replan = new(
        "replan", "ReplanStretch",
        "a fit planned for `planned` units, resumed after `at` with a new `total`: history bit for bit, the rest stretched onto the new remaining units",
        ResumeParams(ParamSpec.Sched("sched"), "total"),
        a => Resumed(a, "total") ?? AtLeastAt(a, "total"),
        "at <= planned; at <= total");

    public static readonly FunctionSpec ReplanHoldThenDecay = new(
        "replan_hold_then_decay", "ReplanHoldThenDecay",
        "`replan` for a warmup-stable-decay shape: the stable phase grows or shrinks, warmup and decay keep their units; refused once the decay began",
        ResumeParams(ParamSpec.Sched("sched", "wsd", "wsd_linear", "wsd_sqrt", "flat_cos", "replan_hold_then_decay"), "total"),
        a => Resumed(a, "total") ?? AtLeastAt(a, "total"),
        "at <= planned; at <= total; sched is wsd, wsd_linear, wsd_sqrt, flat_cos or itself re-planned so");

    /// <summary>The schedule, the plan's length, the resume point and the new length (or branch length) named <paramref name="length"/>.</summary>
    private static ParamSpec[] ResumeParams(ParamSpec sched, string length, params ParamSpec[] more)
    {
        var parameters = new ParamSpec[4 + more.Length];
        parameters[0] = sched;
        parameters[1] = ParamSpec.Number("planned", Rule.Positive);
        parameters[2] = ParamSpec.Number("at", Rule.NonNegative);
        parameters[3] = ParamSpec.Number(length, Rule.Positive);
        more.CopyTo(parameters, 4);
        return parameters;
    }

    /// <summary>A fit resumes at a unit it has reached, and the new end stays a finite number of units.</summary>
    private static ArgProblem? Resumed(Args a, string length)
    {
        double planned = a.Number("planned"), at = a.Number("at");
        return at > planned
            ? new ArgProblem("at", $"must be <= planned = {TextNumbers.Format(planned)} (a fit resumes at a unit it has reached), got {TextNumbers.Format(at)}")
            : !(at + a.Number(length) <= double.MaxValue)
                ? new ArgProblem(length, $"must keep at + {length} finite, got {TextNumbers.Format(a.Number(length))}")
                : null;
    }

    private static ArgProblem? AtLeastAt(Args a, string total)
    {
        double at = a.Number("at"), value = a.Number(total);
        return value < at
            ? new ArgProblem(total, $"must be >= at = {TextNumbers.Format(at)} (the units already trained), got {TextNumbers.Format(value)}")
            : null;
    }
}

// The rest is Core only: the generator compiles the declarations above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Re-plans this schedule's fit to a new length mid-run: a fit planned for <paramref name="planned"/> units, resumed
    /// after <paramref name="at"/> of them, now runs <paramref name="total"/> units in all. Every value before
    /// <paramref name="at"/> is the one the original fit applied, bit for bit; the rest follows
    /// <paramref name="policy"/>. Equivalent to <see cref="ReplanStretch"/> or <see cref="ReplanHoldThenDecay"/>.
    /// </summary>
    /// <remarks>
    /// Units are whatever the fit's clock counts (batches, updates, samples, epochs); positions are <c>i/planned</c>
    /// before and <c>i/total</c> after, as <see cref="Positions.At"/> computes them. With <c>total == planned</c> the
    /// schedule itself comes back. The result is an ordinary schedule with a text form and JSON, so a checkpoint of the
    /// re-planned fit is an ordinary checkpoint.
    /// </remarks>
    /// <param name="planned">The units the fit was planned for (&gt; 0).</param>
    /// <param name="at">The units already trained (0 … <paramref name="planned"/>).</param>
    /// <param name="total">The new length in units (&gt;= <paramref name="at"/>, &gt; 0).</param>
    /// <param name="policy">How the rest is re-planned.</param>
    /// <exception cref="SchedArgumentException">
    /// A length not &gt; 0, <paramref name="at"/> past <paramref name="planned"/> or <paramref name="total"/>, or a policy
    /// that cannot apply (hold-then-decay on a schedule that is not warmup-stable-decay, or once its decay began).
    /// </exception>
    public Sched Replan(double planned, double at, double total, ReplanPolicy policy = ReplanPolicy.Stretch) => policy switch
    {
        ReplanPolicy.Stretch => ReplanStretch(this, planned, at, total),
        ReplanPolicy.HoldThenDecay => ReplanHoldThenDecay(this, planned, at, total),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, $"policy must be Stretch or HoldThenDecay, got {policy}"),
    };

    /// <summary>
    /// <see cref="Replan"/> with <see cref="ReplanPolicy.Stretch"/>: history (units before <paramref name="at"/>) bit for
    /// bit, then the rest of <paramref name="sched"/>, <c>[at/planned, 1]</c>, mapped linearly onto the new remaining
    /// units <c>[at/total, 1]</c>: continuous at <paramref name="at"/>, and ending at <paramref name="sched"/>'s end. A fit
    /// extended after its end holds the end value. Text: <c>replan(sched, planned, at, total)</c>.
    /// </summary>
    /// <remarks>
    /// Re-planning a re-planned schedule again from the same point (<paramref name="planned"/> its total,
    /// <paramref name="at"/> its resume point) gives the one re-plan from the original to the final total.
    /// </remarks>
    /// <param name="sched">The fit's schedule.</param>
    /// <param name="planned">The units the fit was planned for (&gt; 0).</param>
    /// <param name="at">The units already trained (0 … <paramref name="planned"/>).</param>
    /// <param name="total">The new length in units (&gt;= <paramref name="at"/>, &gt; 0).</param>
    /// <exception cref="SchedArgumentException">A length not &gt; 0, or <paramref name="at"/> past <paramref name="planned"/> or <paramref name="total"/>.</exception>
    public static Sched ReplanStretch(Sched sched, double planned, double at, double total) =>
        Replanned(TimeFunctions.Replan, ReplanPolicy.Stretch, sched, planned, at, total);

    /// <summary>
    /// <see cref="Replan"/> with <see cref="ReplanPolicy.HoldThenDecay"/>, for <c>wsd</c>, <c>wsd_linear</c> and
    /// <c>flat_cos</c> (fastai's <c>fit_flat_cos</c>): history bit for bit, then the same shape re-planned for
    /// <paramref name="total"/> units, with its warmup and final decay as many units long as planned and its stable
    /// phase longer or shorter. Text: <c>replan_hold_then_decay(sched, planned, at, total)</c>.
    /// </summary>
    /// <param name="sched">The fit's schedule.</param>
    /// <param name="planned">The units the fit was planned for (&gt; 0).</param>
    /// <param name="at">The units already trained (0 … <paramref name="planned"/>).</param>
    /// <param name="total">The new length in units (&gt;= <paramref name="at"/>, &gt; 0).</param>
    /// <exception cref="SchedArgumentException">
    /// As <see cref="ReplanStretch"/>; or <paramref name="sched"/> is not warmup-stable-decay; or <paramref name="at"/>
    /// is inside the decay already; or <paramref name="total"/> leaves no room for the whole decay after
    /// <paramref name="at"/> and the warmup.
    /// </exception>
    public static Sched ReplanHoldThenDecay(Sched sched, double planned, double at, double total) =>
        Replanned(TimeFunctions.ReplanHoldThenDecay, ReplanPolicy.HoldThenDecay, sched, planned, at, total);

    private static Sched Replanned(Text.FunctionSpec function, ReplanPolicy policy, Sched sched, double planned, double at, double total)
    {
        ArgumentNullException.ThrowIfNull(sched);
        Declared.Check(function, sched, planned, at, total);
        if (sched is ReplanSched earlier && earlier.Policy == policy && earlier.AtUnits == at && earlier.Total == planned)
        {
            // The same fit re-planned again from the same point: both maps are linear from `at`, so their composition is
            // the one re-plan to the final total, whose history is the same bits.
            return Replanned(function, policy, earlier.Source, earlier.Planned, at, total);
        }
        var shape = policy == ReplanPolicy.HoldThenDecay ? HoldThenDecay.ShapeOf(sched) : null;
        if (total == planned)
        {
            return sched;
        }
        var replanned = new ReplanSched(sched, planned, at, total, policy, shape is null ? null : HoldThenDecay.Held(shape, planned, at, total));
        return replanned.Depth <= MaxDepth
            ? replanned
            : throw new SchedArgumentException(function.Name, "sched", $"must nest at most {MaxDepth - 1} levels deep (Sched.MaxDepth), got {sched.Depth}");
    }
}
#endif
