namespace SchedDsl.Generation;

/// <summary>
/// A set of named hyper-parameter schedules, implemented by every type the SchedDsl source generator completes.
/// </summary>
/// <remarks>Generated schedulers are immutable (init-only properties); thread-safe once built.</remarks>
public interface IHyperScheduler
{
    /// <summary>The text names of the hyper-parameters, in declaration order (e.g. <c>lr</c>, <c>mom</c>).</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>True when some schedule has per-group values; resolve with a group count before evaluating.</summary>
    bool IsPerGroup { get; }

    /// <summary>
    /// Checks that every required schedule is set and every per-group value fits <paramref name="groupCount"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A required schedule is missing, or a list length differs from the count;
    /// the message names the hyper-parameter.</exception>
    void Validate(int groupCount);

    /// <summary>The text form of the whole set, e.g. <c>lr=one_cycle(0.01); mom=lin(0.95, 0.85)</c>.</summary>
    string ToText();
}
