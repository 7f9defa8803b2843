using System.Text;
using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record AdaptiveSched
{
    /// <summary>
    /// fastai's <c>combine_scheds</c> with metric-driven phases: <c>phases[0]</c> from 0 to <c>pcts[0]</c>, then
    /// <c>phases[1]</c> over the next <c>pcts[1]</c>, and so on; each phase runs its whole course over its span. A
    /// metric observed in a phase moves that phase's rules only. Text: <c>combine([p…], [phase…])</c>, where a phase is
    /// any planned schedule, any adaptive one, or <c>from_current(sched)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException">
    /// Counts differ, no phase, a pct not &gt; 0, pcts not summing to 1, a <c>from_current</c> phase first, or rules that
    /// observe at different points (<see cref="Every"/>).
    /// </exception>
    public static AdaptiveSched Combine(IEnumerable<double> pcts, IEnumerable<AdaptivePart> phases)
    {
        ArgumentNullException.ThrowIfNull(pcts);
        ArgumentNullException.ThrowIfNull(phases);
        var pctArray = pcts.ToArray();
        var parts = phases.ToArray();
        if (Array.IndexOf(parts, null) >= 0)
        {
            throw new SchedArgumentException("combine", "phases", "must not contain null");
        }
        Declared.Check(AdaptiveFunctions.Combine, pctArray, new double[parts.Length]);
        if (parts.Length > 0 && parts[0].IsFromCurrent)
        {
            throw new SchedArgumentException("combine", "phases[0]", "is from_current, which needs a phase before it to start from");
        }
        var every = -1;
        foreach (var part in parts)
        {
            if (part.Adaptive is { RuleCount: > 0 } adaptive)
            {
                if (every >= 0 && adaptive.Every != every)
                {
                    throw new SchedArgumentException("combine", "phases", $"observe at different points (every={every} and every={adaptive.Every}); the fit observes one metric stream");
                }
                every = adaptive.Every;
            }
        }
        return new PhasesSched(ValueArray<double>.Own(pctArray), ValueArray<AdaptivePart>.Own(parts), Math.Max(every, 0));
    }

    /// <summary>
    /// This schedule until <paramref name="at"/>, then <paramref name="next"/> to the end: the fluent form of
    /// <see cref="Combine"/>, with absolute positions as <see cref="Sched.Then(double, Sched)"/> has them.
    /// </summary>
    /// <param name="at">Where <paramref name="next"/> starts: in (0, 1), after the receiver's own last join.</param>
    /// <param name="next">The phase from <paramref name="at"/> to 1: a planned schedule, an adaptive one, or <see cref="AdaptivePart.FromCurrent"/>.</param>
    /// <exception cref="SchedArgumentException"><paramref name="at"/> outside (last join, 1).</exception>
    public AdaptiveSched Then(double at, AdaptivePart next) => Joined(this, at, next);

    internal static AdaptiveSched Joined(AdaptivePart first, double at, AdaptivePart next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Require.Finite("then", "at", at);
        var (pcts, parts, lastStart) = first.Adaptive is PhasesSched phases
            ? (phases.Pcts.AsSpan()[..^1].ToArray(), phases.Parts.AsSpan()[..^1].ToArray(), phases.LastStart)
            : ([], [], 0.0);
        if (!(at > lastStart && at < 1))
        {
            throw new SchedArgumentException("then", "at", $"must be in ({NumberText.Format(lastStart)}, 1), got {NumberText.Format(at)}");
        }
        var last = first.Adaptive is PhasesSched p ? p.Parts[^1] : first;
        return Combine([.. pcts, at - lastStart, 1 - at], [.. parts, last, next]);
    }
}

/// <summary>An adaptive <c>combine</c>: planned, adaptive and <c>from_current</c> phases in order.</summary>
internal sealed record PhasesSched : AdaptiveSched
{
    // Derived from Pcts and Parts (so equality is unaffected): each phase's start and width as fractions of the
    // whole, and where its rules start in the state.
    private readonly ValueArray<double> starts;
    private readonly ValueArray<double> widths;
    private readonly ValueArray<int> offsets;

    public PhasesSched(ValueArray<double> pcts, ValueArray<AdaptivePart> parts, int every)
        : base(AnyPerGroup(parts), RuleCountOf(parts), every)
    {
        (Pcts, Parts) = (pcts, parts);
        var total = pcts.AsSpan().ToArray().Sum();
        var (s, w, o) = (new double[parts.Count], new double[parts.Count], new int[parts.Count]);
        var (cumulative, rules) = (0.0, 0);
        for (var i = 0; i < parts.Count; i++)
        {
            (s[i], w[i], o[i]) = (cumulative / total, pcts[i] / total, rules);
            cumulative += pcts[i];
            rules += parts[i].RuleCount;
        }
        (starts, widths, offsets) = (ValueArray<double>.Own(s), ValueArray<double>.Own(w), ValueArray<int>.Own(o));
    }

    public ValueArray<double> Pcts { get; }

    public ValueArray<AdaptivePart> Parts { get; }

    /// <summary>Where the last phase starts.</summary>
    public double LastStart => starts[^1];

    internal override double Eval(double pos, ReadOnlySpan<RuleState> rules)
    {
        var k = PhaseAt(pos);
        return Value(k, Local(k, pos), rules);
    }

    internal override void Step(double pos, double metric, Span<RuleState> rules)
    {
        var k = PhaseAt(pos);
        if (Parts[k].Adaptive is { } adaptive)
        {
            adaptive.Step(Local(k, pos), metric, rules.Slice(offsets[k], adaptive.RuleCount));
        }
    }

    internal override void Initial(Span<RuleState> rules)
    {
        for (var k = 0; k < Parts.Count; k++)
        {
            Parts[k].Adaptive?.Initial(rules.Slice(offsets[k], Parts[k].RuleCount));
        }
    }

    internal override AdaptiveSched Resolve(int group, int groupCount)
    {
        var parts = new AdaptivePart[Parts.Count];
        for (var k = 0; k < parts.Length; k++)
        {
            parts[k] = Parts[k].Resolve(group, groupCount);
        }
        return new PhasesSched(Pcts, ValueArray<AdaptivePart>.Own(parts), Every);
    }

    internal override void Print(StringBuilder builder)
    {
        builder.Append("combine([");
        for (var k = 0; k < Pcts.Count; k++)
        {
            builder.Append(k > 0 ? ", " : "").Append(Text.TextNumbers.Format(Pcts[k]));
        }
        builder.Append("], [");
        for (var k = 0; k < Parts.Count; k++)
        {
            builder.Append(k > 0 ? ", " : "");
            Parts[k].Print(builder);
        }
        builder.Append("])");
    }

    /// <summary>Phase <paramref name="k"/>'s value at its own position <paramref name="local"/>.</summary>
    private double Value(int k, double local, ReadOnlySpan<RuleState> rules)
    {
        var part = Parts[k];
        if (part.Adaptive is { } adaptive)
        {
            return adaptive.Eval(local, rules.Slice(offsets[k], adaptive.RuleCount));
        }
        var planned = part.Planned!.Eval(local);
        return part.IsFromCurrent ? Value(k - 1, 1.0, rules) * planned : planned;
    }

    /// <summary>The phase running at <paramref name="pos"/>: the last whose start is at or before it (a join counts as the later phase).</summary>
    private int PhaseAt(double pos)
    {
        var k = starts.Count - 1;
        while (k > 0 && starts[k] > pos + CombineSched.JoinSnap)
        {
            k--;
        }
        return k;
    }

    // Within JoinSnap of a join the local position is exactly 0: the pcts' sum rounds (0.1 + 0.7 is
    // 0.7999999999999999), and a 1-sqrt cooldown's infinite slope at 0 would turn that rounding into a visible jump.
    private double Local(int k, double pos) =>
        pos - starts[k] <= CombineSched.JoinSnap ? 0.0 : Math.Min((pos - starts[k]) / widths[k], 1.0);

    private static bool AnyPerGroup(ValueArray<AdaptivePart> parts)
    {
        foreach (var part in parts.AsSpan())
        {
            if (part.IsPerGroup)
            {
                return true;
            }
        }
        return false;
    }

    private static int RuleCountOf(ValueArray<AdaptivePart> parts)
    {
        var count = 0;
        foreach (var part in parts.AsSpan())
        {
            count += part.RuleCount;
        }
        return count;
    }
}
