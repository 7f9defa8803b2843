using System.Text;

namespace SchedDsl;

/// <summary>
/// The fit's current states of an adaptive schedule, one per resolved group: the one mutable cell of the mechanism,
/// owned by the training edge, which replaces a state by the fold's next one at each declared point.
/// </summary>
/// <remarks>Thread-safety: written by the training loop between batches only.</remarks>
internal sealed class AdaptiveCell
{
    public AdaptiveCell(AdaptiveSched sched, int groupCount)
    {
        Sched = sched;
        Groups = sched.IsPerGroup ? [.. Enumerable.Range(0, groupCount).Select(g => sched.Resolve(g, groupCount))] : [sched];
        States = [.. Groups.Select(s => s.Start)];
    }

    /// <summary>The schedule as written.</summary>
    public AdaptiveSched Sched { get; }

    /// <summary>The schedule per resolved group (one when it has no per-group values).</summary>
    public AdaptiveSched[] Groups { get; }

    /// <summary>Each resolved group's state.</summary>
    public AdaptiveState[] States { get; }

    /// <summary>Every group observes <paramref name="metric"/> at <paramref name="pos"/>.</summary>
    public void Observe(double pos, double metric)
    {
        for (var g = 0; g < Groups.Length; g++)
        {
            States[g] = Groups[g].Observe(States[g], pos, metric);
        }
    }
}

/// <summary>
/// An adaptive schedule seen as a planned one at the training edge: its value at <c>pos</c> under the cell's current
/// state. Only the Learner makes one, for the one fit it runs; it prints as the adaptive schedule.
/// </summary>
internal sealed record AdaptiveView : Sched
{
    private readonly AdaptiveSched group;
    private readonly int index;

    public AdaptiveView(AdaptiveCell cell)
        : this(cell, cell.Sched.IsPerGroup, cell.Sched, 0)
    {
    }

    private AdaptiveView(AdaptiveCell cell, bool isPerGroup, AdaptiveSched group, int index)
        : base(isPerGroup) => (Cell, this.group, this.index) = (cell, group, index);

    public AdaptiveCell Cell { get; }

    internal override double Eval(double pos) => group.Eval(pos, Cell.States[index].Rules.AsSpan());

    internal override Sched Resolve(int group, int groupCount) => new AdaptiveView(Cell, false, Cell.Groups[group], group);

    internal override void Print(StringBuilder builder) => Cell.Sched.Print(builder);
}
