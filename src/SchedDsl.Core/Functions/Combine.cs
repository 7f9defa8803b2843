#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>fastai's <c>combine_scheds</c> and <c>combined_cos</c>.</summary>
internal static partial class CombineFunctions
{
    public static readonly FunctionSpec Combine = new(
        "combine", "CombineScheds", "fastai `combine_scheds`: scheds[i] over the next pcts[i] of training",
        [ParamSpec.Numbers("pcts", Rule.NonNegative), ParamSpec.Scheds("scheds")],
        a => a.Numbers("scheds").Count == 0
            ? new ArgProblem("scheds", "must hold at least one schedule, got none")
            : a.Numbers("pcts").Count != a.Numbers("scheds").Count
                ? new ArgProblem("pcts", $"must have one pct per schedule: got {a.Numbers("pcts").Count} pcts for {a.Numbers("scheds").Count} schedules")
                : Rules.PctsSumProblem(Sum(a.Numbers("pcts"))) is { } problem ? new ArgProblem("pcts", problem) : null,
        "one pct per schedule, at least one; pcts sum to 1");

    private static double Sum(System.Collections.Generic.IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }
        return sum;
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>How far the pcts of <see cref="CombineScheds"/> may sum from 1 (fastai asserts exactly 1 in float32).</summary>
    public const double PctsSumTolerance = Text.Rules.PctsSumTolerance;

    /// <summary>
    /// fastai's <c>combine_scheds(pcts, scheds)</c>: <c>scheds[0]</c> from 0 to <c>pcts[0]</c>, then <c>scheds[1]</c>
    /// over the next <c>pcts[1]</c>, and so on. At a join the later schedule starts. Text: <c>combine([p…], [s…])</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">
    /// Counts differ, no schedule, a pct negative or non-finite, pcts not summing to 1 within <see cref="PctsSumTolerance"/>,
    /// or a result nested deeper than <see cref="MaxDepth"/>.
    /// </exception>
    public static Sched CombineScheds(IEnumerable<double> pcts, IEnumerable<Sched> scheds)
    {
        ArgumentNullException.ThrowIfNull(pcts);
        ArgumentNullException.ThrowIfNull(scheds);
        var pctArray = pcts.ToArray();
        var schedArray = scheds.ToArray();
        if (Array.IndexOf(schedArray, null) >= 0)
        {
            throw new SchedArgumentException("combine", "scheds", "must not contain null");
        }
        Declared.Check(CombineFunctions.Combine, pctArray, schedArray);
        var combine = new CombineSched(ValueArray<double>.Own(pctArray), ValueArray<Sched>.Own(schedArray));
        return combine.Depth <= MaxDepth
            ? combine
            : throw new SchedArgumentException("combine", "scheds", $"must nest at most {MaxDepth} levels deep (Sched.MaxDepth), got {combine.Depth}");
    }
}
#endif
