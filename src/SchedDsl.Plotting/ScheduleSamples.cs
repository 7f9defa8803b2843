namespace SchedDsl.Plotting;

/// <summary>
/// Where a schedule plot evaluates a schedule: the grid <c>i/steps</c>, plus every position where some group's value
/// can turn or jump (<see cref="Sched.Breakpoints"/>: joins, peaks, restarts, step boundaries), so a plot at any step
/// count shows every maximum and minimum. <c>cyclic(1e-3, 1e-2, 4)</c> at 100 steps puts no grid point on a peak,
/// and its plot had flat tops at 0.0096.
/// </summary>
internal static class ScheduleSamples
{
    /// <summary>The x of every point (in steps: <c>pos * steps</c>, ascending) and each group's values there.</summary>
    public static (double[] Xs, List<double[]> Values) For(SchedGroups groups, int steps)
    {
        // Groups share a structure (a list or slice changes values, not joins); the union covers any that do not.
        var breakpoints = new SortedSet<double>();
        foreach (var sched in groups.Distinct())
        {
            breakpoints.UnionWith(sched.Breakpoints());
        }
        var positions = Merge(steps, [.. breakpoints]);
        var xs = Array.ConvertAll(positions, pos => pos * steps);
        var values = groups.Select(s => Array.ConvertAll(positions, s.At)).ToList();
        return (xs, values);
    }

    /// <summary>The grid <c>i/steps</c> and the ascending <paramref name="extra"/> positions, in order, each once.</summary>
    private static double[] Merge(int steps, double[] extra)
    {
        var merged = new List<double>(steps + 1 + extra.Length);
        var e = 0;
        for (var i = 0; i <= steps; i++)
        {
            var grid = Positions.At(i, steps);
            for (; e < extra.Length && extra[e] <= grid; e++)
            {
                if (extra[e] < grid)
                {
                    merged.Add(extra[e]);
                }
            }
            merged.Add(grid);
        }
        return [.. merged];
    }
}
