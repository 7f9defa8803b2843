using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>
/// A number in a schedule that may differ per parameter group: a scalar (every group), a list (one value per
/// group) or a fastai <c>slice</c> (spread over however many groups the optimizer has).
/// </summary>
/// <remarks>
/// Any <see cref="double"/> converts implicitly, so <c>Sched.Cos(0.1, 0.01)</c> reads as in fastai; use
/// <see cref="Of"/> and <see cref="Slice(double, SliceRule)"/> for discriminative values. Immutable, thread-safe,
/// with structural equality.
/// </remarks>
public abstract record Hyper
{
    private protected Hyper()
    {
    }

    /// <summary>A scalar value, the same for every group.</summary>
    public static implicit operator Hyper(double value) => new ScalarHyper(value);

    /// <summary>A scalar value, the same for every group (the named form of the implicit conversion).</summary>
    public static Hyper Scalar(double value) => new ScalarHyper(value);

    /// <summary>One value per parameter group, first group first (fastai: a list or array).</summary>
    public static Hyper Of(params double[] perGroup)
    {
        if (perGroup is null || perGroup.Length == 0)
        {
            throw new SchedArgumentException("list", "values", "must hold at least one value, got an empty list");
        }
        return perGroup.Length == 1 ? new ScalarHyper(perGroup[0]) : new ListHyper(new ValueArray<double>(perGroup));
    }

    /// <summary>fastai's <c>slice(stop)</c>: <paramref name="stop"/> for the last group, less for the others by <paramref name="rule"/>.</summary>
    /// <exception cref="SchedArgumentException">A stop that is not finite, or so small that the other groups' value underflows to 0.</exception>
    public static Hyper Slice(double stop, SliceRule rule = SliceRule.FastaiV2)
    {
        var v1 = rule == SliceRule.FastaiV1;
        CheckSlice(v1 ? "slice_v1" : "slice", [stop], v1);
        return new SliceHyper(null, stop, rule);
    }

    /// <summary>
    /// fastai's <c>slice(start, stop)</c>: <c>even_mults(start, stop, groups)</c>. A start of 0 means no start,
    /// as in fastai (<c>if lr.start:</c>), and gives <see cref="Slice(double, SliceRule)"/> with the v2 rule.
    /// </summary>
    /// <exception cref="SchedArgumentException">
    /// An end that is not finite or out of range, a start or stop &lt;= 0 (start 0 aside), or a stop/start that leaves double range.
    /// </exception>
    public static Hyper Slice(double start, double stop)
    {
        CheckSlice("slice", [start, stop], v1: false);
        return start == 0 ? new SliceHyper(null, stop, SliceRule.FastaiV2) : new SliceHyper(start, stop, SliceRule.FastaiV2);
    }

    // The rules the text binder and the JSON reader run too, so text, JSON and C# reject the same slices alike.
    private static void CheckSlice(string function, double[] numbers, bool v1)
    {
        if (Text.SliceRules.Own(numbers, v1, out _) is { } problem)
        {
            throw new SchedArgumentException(function, problem.Parameter, problem.Problem);
        }
    }

    /// <summary>True when the value can differ between groups (a list or a slice).</summary>
    public abstract bool IsPerGroup { get; }

    /// <summary>The numbers written in this value (for validation and printing), not resolved per group.</summary>
    public abstract ValueArray<double> Numbers { get; }

    /// <summary>The value for group <paramref name="group"/> of <paramref name="groupCount"/>.</summary>
    /// <exception cref="ArgumentException">A list whose length is not <paramref name="groupCount"/>, or a group out of range.</exception>
    internal double ForGroup(int group, int groupCount)
    {
        CheckGroup(group, groupCount);
        return Resolve(group, groupCount);
    }

    /// <summary>The values of every group, first group first.</summary>
    public double[] ForGroups(int groupCount)
    {
        CheckGroup(0, groupCount);
        var values = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            values[g] = Resolve(g, groupCount);
        }
        return values;
    }

    /// <summary>Every value multiplied by <paramref name="factor"/> (fastai's <c>lr_max/div</c> on arrays and slices alike).</summary>
    public abstract Hyper Scale(double factor);

    /// <summary>Every value divided by <paramref name="divisor"/>, exactly as fastai's <c>lr_max/div</c> (not a multiplication by the reciprocal).</summary>
    public abstract Hyper Divide(double divisor);

    private protected abstract double Resolve(int group, int groupCount);

    private protected virtual void CheckCount(int groupCount)
    {
    }

    private void CheckGroup(int group, int groupCount)
    {
        if (groupCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(groupCount), groupCount, $"groupCount must be >= 1, got {groupCount}");
        }
        if (group < 0 || group >= groupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {groupCount - 1}], got {group}");
        }
        CheckCount(groupCount);
    }
}
