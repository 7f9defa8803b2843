namespace SchedDsl.Testing.Inspection;

/// <summary>
/// What the laws read from a schedule's parts: its joins and the endpoints its definition promises. This is the one
/// file that reads Core's internal cases (combine, presets, reverse, repeat, annealers); a case it does not know
/// has no joins and promises no endpoints, so a new case weakens the laws' reach but never fails them.
/// </summary>
internal static class SchedStructure
{
    // Cycles whose inner joins are listed; beyond, only the cycle boundaries (a cyclic schedule may have thousands).
    private const int MaxCyclesWalked = 64;

    /// <summary>Every join of <paramref name="sched"/> in (0, 1), with whether it is promised continuous.</summary>
    public static IReadOnlyList<Join> Joins(Sched sched)
    {
        var joins = new List<Join>();
        Walk(sched, 0, 1, owner: null, promised: false, joins);
        // A fractional repeat count ends mid-cycle: joins of the cut-off cycle lie past the end.
        return [.. joins.Where(j => j.Position > 0 && j.Position < 1)];
    }

    /// <summary>
    /// Where <paramref name="sched"/> (scalar) starts and ends by its definition: an annealer at its start and end
    /// (<c>no</c> stays at its start), a combine where its first part starts and its last part ends, a preset as
    /// its expansion, a reverse swapped. Null where nothing is promised (custom annealers' values are their own).
    /// </summary>
    public static (double Start, double End)? PromisedEndpoints(Sched sched) => sched switch
    {
        ConstSched c => (c.Value.ForGroup(0, 1), c.Value.ForGroup(0, 1)),
        AnnealSched { Factory.Name: "no" } a => (a.Start.ForGroup(0, 1), a.Start.ForGroup(0, 1)),
        AnnealSched { Factory.Name: "lin" or "cos" or "exp" } a => (a.Start.ForGroup(0, 1), a.End.ForGroup(0, 1)),
        PolySched p => (p.Start.ForGroup(0, 1), p.End.ForGroup(0, 1)),
        Preset p => PromisedEndpoints(p.Expanded),
        ReverseSched r => PromisedEndpoints(r.Inner) is { } inner ? (inner.End, inner.Start) : null,
        CombineSched c => CombineEndpoints(c),
        _ => null,
    };

    private static (double Start, double End)? CombineEndpoints(CombineSched combine)
    {
        // Zero-width parts never run, and a position within JoinSnap of a join is the join: at 0 the last part
        // starting within JoinSnap of 0 runs (sgdr_decay(lr, 6, cycle_mult=487) has a first cycle 4e-14 wide, which
        // never does); at 1 the last part with a share.
        var total = combine.Pcts.Sum();
        var first = -1;
        var cumulative = 0.0;
        for (var i = 0; i < combine.Pcts.Count; i++)
        {
            if (combine.Pcts[i] > 0 && cumulative / total <= CombineSched.JoinSnap)
            {
                first = i;
            }
            cumulative += combine.Pcts[i];
        }
        var last = Enumerable.Range(0, combine.Pcts.Count).Last(i => combine.Pcts[i] > 0);
        return (PromisedEndpoints(combine.Scheds[first]), PromisedEndpoints(combine.Scheds[last])) is ({ } a, { } b)
            ? (a.Start, b.End)
            : null;
    }

    private static void Walk(Sched sched, double offset, double width, string? owner, bool promised, List<Join> joins)
    {
        switch (sched)
        {
            case Preset preset:
                Walk(preset.Expanded, offset, width, owner ?? preset.Function.Name, promised || ContinuousFunctions.Names.Contains(preset.Function.Name), joins);
                break;
            case CombineSched combine:
                WalkCombine(combine, offset, width, owner, promised, joins);
                break;
            case ReverseSched reverse:
                var inner = new List<Join>();
                Walk(reverse.Inner, 0, 1, owner, promised, inner);
                // Mirrored, the part before a join is the one after it inside: not tracked, so not promised here.
                joins.AddRange(inner.Select(j => new Join(offset + ((1 - j.Position) * width), j.Owner, false, null)));
                break;
            case RepeatSched repeat:
                WalkRepeat(repeat, offset, width, owner, promised, joins);
                break;
        }
    }

    private static void WalkCombine(CombineSched combine, double offset, double width, string? owner, bool promised, List<Join> joins)
    {
        var total = combine.Pcts.Sum();
        var cumulative = 0.0;
        Sched? previous = null;
        for (var i = 0; i < combine.Pcts.Count; i++)
        {
            var pct = combine.Pcts[i];
            if (pct > 0)
            {
                var start = offset + (cumulative / total * width);
                if (previous is not null)
                {
                    joins.Add(new Join(start, owner ?? "combine", promised, previous));
                }
                Walk(combine.Scheds[i], start, pct / total * width, owner, promised, joins);
                previous = combine.Scheds[i];
            }
            cumulative += pct;
        }
    }

    private static void WalkRepeat(RepeatSched repeat, double offset, double width, string? owner, bool promised, List<Join> joins)
    {
        var cycleWidth = width / repeat.Count;
        var cycles = (int)Math.Min(Math.Ceiling(repeat.Count), 100_000);
        for (var c = 0; c < cycles; c++)
        {
            var start = offset + (c * cycleWidth);
            if (c > 0)
            {
                joins.Add(new Join(start, owner ?? "repeat", promised, null));
            }
            if (c < MaxCyclesWalked)
            {
                Walk(repeat.Cycle, start, cycleWidth, owner, promised, joins);
            }
        }
    }
}
