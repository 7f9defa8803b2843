namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>The most joins <see cref="Breakpoints"/> lists: far more than a plot has pixels, and a bounded walk.</summary>
    internal const int MaxJoinsListed = 100_000;

    /// <summary>
    /// How far before a join the value the earlier part ends at is read: well above
    /// <see cref="CombineSched.JoinSnap"/> (1e-12, where a position counts as the join itself) and well below any share
    /// a schedule is built with.
    /// </summary>
    internal const double BeforeJoin = 1e-9;

    /// <summary>
    /// The positions in [0, 1] where the value can turn or jump, read from the schedule's structure: every join of a
    /// combine (a preset's expansion: a one-cycle's peak, a warmup's end, a step's boundary), every cycle boundary and
    /// inner join of a repeat (a cyclic schedule's peaks, SGDR's restarts), mirrored under a reverse; and for each
    /// join the position <see cref="BeforeJoin"/> before it, where the earlier part's last value is read (one side of
    /// a jump). Between joins every built-in part is monotone (the annealers, poly, rsqrt, constants; a repeat's
    /// <c>gamma</c> scales within a cycle, so its turns lie near the joins), so these positions with 0 and 1 hold a
    /// schedule's maxima and minima; a custom annealer's own turns are not known. Sorted, without duplicates; the first
    /// <see cref="MaxJoinsListed"/> joins only.
    /// </summary>
    /// <remarks>For plots (<c>SchedDsl.Plotting</c> samples these with its grid, so no plot hides a peak).</remarks>
    internal double[] Breakpoints()
    {
        var joins = new List<double>();
        BreakpointWalk.Walk(this, 0, 1, joins);
        var positions = new SortedSet<double>();
        foreach (var join in joins)
        {
            if (join > 0 && join < 1)
            {
                positions.Add(join);
                positions.Add(Math.Max(0, join - BeforeJoin));
            }
        }
        return [.. positions];
    }

    /// <summary>The structural walk behind <see cref="Breakpoints"/>: the cases that join parts, each placed in its share.</summary>
    private static class BreakpointWalk
    {
        public static void Walk(Sched sched, double offset, double width, List<double> joins)
        {
            switch (sched)
            {
                case Preset preset:
                    Walk(preset.Expanded, offset, width, joins);
                    break;
                case CombineSched combine:
                    Combine(combine, offset, width, joins);
                    break;
                case ReverseSched reverse:
                    var inner = new List<double>();
                    Walk(reverse.Inner, 0, 1, inner);
                    foreach (var join in inner)
                    {
                        Add(joins, offset + ((1 - join) * width));
                    }
                    break;
                case RepeatSched repeat:
                    Repeat(repeat, offset, width, joins);
                    break;
            }
        }

        private static void Combine(CombineSched combine, double offset, double width, List<double> joins)
        {
            var total = combine.Pcts.Sum();
            var cumulative = 0.0;
            var first = true;
            for (var i = 0; i < combine.Pcts.Count && joins.Count < MaxJoinsListed; i++)
            {
                var pct = combine.Pcts[i];
                if (pct > 0)
                {
                    var start = offset + (cumulative / total * width);
                    if (!first)
                    {
                        Add(joins, start);
                    }
                    Walk(combine.Scheds[i], start, pct / total * width, joins);
                    first = false;
                }
                cumulative += pct;
            }
        }

        private static void Repeat(RepeatSched repeat, double offset, double width, List<double> joins)
        {
            var cycleWidth = width / repeat.Count;
            var cycle = new List<double>();
            Walk(repeat.Cycle, 0, 1, cycle);
            // A fractional count ends mid-cycle: the joins of the cut-off cycle past the end are left out.
            var end = offset + width;
            for (var c = 0; c < Math.Ceiling(repeat.Count) && joins.Count < MaxJoinsListed; c++)
            {
                var start = offset + (c * cycleWidth);
                if (c > 0)
                {
                    Add(joins, start);
                }
                foreach (var join in cycle)
                {
                    var at = start + (join * cycleWidth);
                    if (at < end)
                    {
                        Add(joins, at);
                    }
                }
            }
        }

        private static void Add(List<double> joins, double position)
        {
            if (joins.Count < MaxJoinsListed)
            {
                joins.Add(position);
            }
        }
    }
}
