namespace SchedDsl.Testing.Inspection;

/// <summary>
/// Where the laws evaluate a schedule: 0, 1, a fine grid, and each join with a point just before it. A schedule's
/// extremes lie at its ends and joins (every built-in part is monotone between them), so bounds checked here hold
/// everywhere for the built-ins.
/// </summary>
internal static class ProbePositions
{
    /// <summary>The grid's intervals: finer than any training run needs to see a value, cheap enough to run per sample.</summary>
    public const int GridSteps = 256;

    /// <summary>
    /// How far before a join the left-hand value is read: well above <c>CombineSched.JoinSnap</c> (1e-12, where a
    /// position counts as the join itself) and well below any share a schedule is built with.
    /// </summary>
    public const double BeforeJoin = 1e-9;

    /// <summary>The most joins probed.</summary>
    public const int MaxJoins = 1024;

    /// <summary>The positions for <paramref name="sched"/>, in ascending order, without duplicates.</summary>
    public static double[] For(Sched sched)
    {
        var positions = new SortedSet<double>();
        for (var i = 0; i <= GridSteps; i++)
        {
            positions.Add((double)i / GridSteps);
        }
        var joins = SchedStructure.Joins(sched);
        // Thousands of restarts: every k-th join keeps a probe's cost bounded (evaluation searches the segments).
        var every = Math.Max(1, joins.Count / MaxJoins);
        foreach (var join in joins.Where((_, i) => i % every == 0))
        {
            positions.Add(join.Position);
            positions.Add(Math.Max(0, join.Position - BeforeJoin));
        }
        return [.. positions];
    }
}
