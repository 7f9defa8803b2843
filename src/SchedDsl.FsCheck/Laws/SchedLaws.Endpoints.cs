using SchedDsl.Testing.Inspection;

namespace SchedDsl.Testing;

public static partial class SchedLaws
{
    /// <summary>
    /// How far an endpoint may be from its promise, relative to the schedule's largest magnitude: the annealers
    /// compute <c>start + 1*(end - start)</c> and <c>start*(end/start)^1</c>, exact up to a few ulps of their operands
    /// (<c>lin(-364, 0)</c> ends at -5.7e-14, not 0), never more.
    /// </summary>
    public const double EndpointTolerance = 1e-9;

    /// <summary>
    /// <c>At(0)</c> and <c>At(1)</c> are where the schedule's definition puts them, in every group: an annealer
    /// starts at <c>start</c> and ends at <c>end</c> (<c>no</c> stays at <c>start</c>); a combine (and so
    /// <c>a.Then(p, b)</c>) starts where its first part with a share starts and ends where its last one ends; a preset
    /// as its expansion (<c>one_cycle(lr)</c> from <c>lr/div</c> to <c>lr/div_final</c>). A custom annealer's
    /// values are its own: nothing is promised there; check it with <see cref="StartsAndEndsAt"/>.
    /// </summary>
    /// <param name="sched">The schedule.</param>
    /// <param name="groupCount">The parameter groups its per-group values are for.</param>
    /// <exception cref="SchedLawException">An endpoint off its promise by more than <see cref="EndpointTolerance"/>.</exception>
    public static void KeepsEndpoints(Sched sched, int groupCount = DefaultGroupCount)
    {
        foreach (var (group, text) in Groups("endpoints", sched, groupCount))
        {
            if (SchedStructure.PromisedEndpoints(group) is { } promised)
            {
                CheckEndpoints("endpoints", group, text, promised.Start, promised.End, EndpointTolerance);
            }
        }
    }

    /// <summary>
    /// <c>At(0)</c> is <paramref name="start"/> and <c>At(1)</c> is <paramref name="end"/>, within
    /// <paramref name="tolerance"/> of the schedule's largest magnitude: for a custom annealer, or a promise of your own.
    /// </summary>
    /// <param name="sched">A schedule with scalar values.</param>
    /// <param name="start">The value expected at 0.</param>
    /// <param name="end">The value expected at 1.</param>
    /// <param name="tolerance">Relative tolerance.</param>
    /// <exception cref="SchedLawException">An endpoint off.</exception>
    public static void StartsAndEndsAt(Sched sched, double start, double end, double tolerance = EndpointTolerance)
    {
        ArgumentNullException.ThrowIfNull(sched);
        CheckEndpoints("starts and ends at", sched, sched.ToString(), start, end, tolerance);
    }

    private static void CheckEndpoints(string law, Sched sched, string text, double start, double end, double tolerance)
    {
        var scale = Probes(sched).Select(p => Math.Abs(sched.At(p))).Append(Math.Abs(start)).Append(Math.Abs(end)).Max();
        foreach (var (pos, expected) in new[] { (0.0, start), (1.0, end) })
        {
            var value = sched.At(pos);
            if (!(Math.Abs(value - expected) <= tolerance * scale))
            {
                throw new SchedLawException(law, text, pos, $"expected {expected:R}, got {value:R}");
            }
        }
    }
}
