using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

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
        Declared.Check(Text.CombineFunctions.Combine, pctArray, schedArray);
        var combine = new CombineSched(ValueArray<double>.Own(pctArray), ValueArray<Sched>.Own(schedArray));
        return combine.Depth <= MaxDepth
            ? combine
            : throw new SchedArgumentException("combine", "scheds", $"must nest at most {MaxDepth} levels deep (Sched.MaxDepth), got {combine.Depth}");
    }

    /// <summary>
    /// fastai's <c>combined_cos(pct, start, middle, end)</c>: cosine from <paramref name="start"/> to
    /// <paramref name="middle"/> over the first <paramref name="pct"/> of training, then to <paramref name="end"/>.
    /// Text: <c>combined_cos(pct, start, middle, end)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException"><paramref name="pct"/> outside [0, 1], or a non-finite value.</exception>
    public static Sched CombinedCos(double pct, Hyper start, Hyper middle, Hyper end)
    {
        Declared.Check(Text.CombineFunctions.CombinedCos, pct, start, middle, end);
        return new CombinedCosSched(pct, start, middle, end);
    }
}
