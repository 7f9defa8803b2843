using System.Text;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// A hyper-parameter schedule: an immutable value that maps training progress <c>pos</c> in [0, 1] to a number.
/// </summary>
/// <remarks>
/// <para>
/// Schedules are built by the static factories on this type (<see cref="Cos"/>, <see cref="OneCycleSched"/>, …), composed
/// with <see cref="CombineScheds"/> and <see cref="Then"/>, compare structurally (<c>Sched.Cos(0, 1) == Sched.Cos(0, 1)</c>)
/// and print to a text form that parses back (<see cref="ToString"/>).
/// </para>
/// <para>
/// Arguments are validated when a schedule is built; <see cref="At"/> allocates nothing and only rejects a position
/// outside [0, 1]. A schedule whose numbers differ per parameter group (a list or a <c>slice</c>) is first resolved
/// for a group count with <see cref="ForGroups"/>.
/// </para>
/// <para>Thread-safety: immutable; every member is safe to call from any thread.</para>
/// </remarks>
public abstract partial record Sched
{
    private protected Sched(bool isPerGroup) => IsPerGroup = isPerGroup;

    /// <summary>True when some number in the schedule is a per-group list or a slice; resolve with <see cref="ForGroups"/>.</summary>
    public bool IsPerGroup { get; }

    /// <summary>The value at training progress <paramref name="pos"/>.</summary>
    /// <param name="pos">Progress in [0, 1]: batch <c>i</c> of <c>n</c> is at <c>i/n</c> (<see cref="Positions.At"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN (no silent clamping).</exception>
    /// <exception cref="InvalidOperationException">The schedule has per-group values; resolve it with <see cref="ForGroups"/> first.</exception>
    public double At(double pos)
    {
        if (!(pos >= 0.0 && pos <= 1.0))
        {
            ThrowPositionOutOfRange(pos);
        }
        if (IsPerGroup)
        {
            ThrowPerGroup();
        }
        return Eval(pos);
    }

    /// <summary>This schedule for group <paramref name="group"/> of <paramref name="groupCount"/>: every list and slice replaced by that group's value.</summary>
    /// <exception cref="ArgumentException">A per-group list whose length is not <paramref name="groupCount"/>, or a group out of range.</exception>
    internal Sched ForGroup(int group, int groupCount)
    {
        if (groupCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(groupCount), groupCount, $"groupCount must be >= 1, got {groupCount}");
        }
        if (group < 0 || group >= groupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {groupCount - 1}], got {group}");
        }
        return IsPerGroup ? Resolve(group, groupCount) : this;
    }

    /// <summary>
    /// This schedule resolved for <paramref name="groupCount"/> parameter groups: one scalar schedule per group, first
    /// group first, with every list and slice replaced by that group's value. The one way to resolve per-group values
    /// (fastai's <c>lr_range</c>/<c>set_hyper</c>); a schedule with no per-group values gives the same schedule for every group.
    /// </summary>
    /// <remarks>Resolve once, outside the training loop: <see cref="SchedGroups.At"/> then evaluates every group without allocating.</remarks>
    /// <exception cref="ArgumentException">A per-group list whose length is not <paramref name="groupCount"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupCount"/> is below 1.</exception>
    public SchedGroups ForGroups(int groupCount)
    {
        var first = ForGroup(0, groupCount);
        var scheds = new Sched[groupCount];
        scheds[0] = first;
        for (var g = 1; g < groupCount; g++)
        {
            scheds[g] = ForGroup(g, groupCount);
        }
        return new SchedGroups(scheds, this);
    }

    /// <summary>The values at <c>i/steps</c> for <c>i = 0 … steps-1</c>: fastai's per-batch positions.</summary>
    public double[] Sample(int steps)
    {
        var positions = Positions.Grid(steps);
        var values = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            values[i] = At(positions[i]);
        }
        return values;
    }

    /// <summary>The text form, e.g. <c>one_cycle(0.01)</c>; <c>Sched.Parse(s.ToString()) == s</c>.</summary>
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }

    /// <summary>Evaluates at a position already known to be in [0, 1], on a schedule with scalar values only.</summary>
    internal abstract double Eval(double pos);

    /// <summary>The same tree with every per-group number resolved for one group.</summary>
    internal abstract Sched Resolve(int group, int groupCount);

    /// <summary>The declared call this schedule is written as; null for a bare constant and internal parts.</summary>
    internal virtual SchedCall? Call => null;

    internal abstract void Print(StringBuilder builder);

    private static void ThrowPositionOutOfRange(double pos) =>
        throw new ArgumentOutOfRangeException(nameof(pos), pos, $"pos must be in [0, 1], got {NumberText.Format(pos)}");

    private void ThrowPerGroup() =>
        throw new InvalidOperationException(
            $"the schedule {this} has per-group values (a list or a slice); resolve it with ForGroups(groupCount) before At");
}
