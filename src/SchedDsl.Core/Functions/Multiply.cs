#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>Transformers: functions of any schedule that are schedules again (PyTorch's chaining, DeepSpeed's staircase, timm's noise).</summary>
internal static partial class Transformers
{
    public static readonly FunctionSpec Multiply = new(
        "multiply", "Multiply", "PyTorch `ChainedScheduler`: the product of the schedules' values at each position",
        [ParamSpec.Scheds("scheds")],
        a => a.Numbers("scheds").Count == 0 ? new ArgProblem("scheds", "must hold at least one schedule, got none") : null,
        "at least one schedule");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// The product of <paramref name="scheds"/>' values at each position: a schedule of factors scales any other,
    /// e.g. a warmup factor times a decay. Text: <c>multiply([a, b, …])</c>. <see cref="Times"/> is the same for two.
    /// </summary>
    /// <remarks>
    /// PyTorch <c>ChainedScheduler([A, B, …])</c> over an optimizer with lr <c>l</c> is <c>Multiply(a, b, …)</c> where
    /// <c>a</c> is <c>A</c>'s schedule at lr <c>l</c> and the others are factor schedules (at lr 1), e.g.
    /// <c>ConstantLR(factor=f, total_iters=K)</c> is <c>piecewise_constant(f, [K/T], [1/f])</c> and
    /// <c>ExponentialLR(gamma)</c> is <c>exponential_decay(1, gamma, 1/T)</c>, at <c>pos = step/T</c>.
    /// A product beyond ±<c>double.MaxValue/4</c> (the bound every schedule's values keep, about 4.49e307) is held at
    /// that bound, so evaluation never gives ∞ or NaN; no learning rate comes near it.
    /// </remarks>
    /// <param name="scheds">At least one schedule; per-group ones are resolved group by group.</param>
    /// <exception cref="SchedArgumentException">No schedule, a null one, or nesting deeper than <see cref="MaxDepth"/>.</exception>
    public static Sched Multiply(params IEnumerable<Sched> scheds)
    {
        ArgumentNullException.ThrowIfNull(scheds);
        var factors = scheds.ToArray();
        if (Array.IndexOf(factors, null) >= 0)
        {
            throw new SchedArgumentException(Transformers.Multiply.Name, "scheds", "must not contain null");
        }
        Declared.Check(Transformers.Multiply, [factors]);
        var product = new MultiplySched(ValueArray<Sched>.Own(factors));
        return product.Depth <= MaxDepth
            ? product
            : throw new SchedArgumentException(Transformers.Multiply.Name, "scheds", $"must nest at most {MaxDepth - 1} levels deep (Sched.MaxDepth), got {product.Depth - 1}");
    }

    /// <summary>This schedule's values times <paramref name="other"/>'s: <c>Multiply(this, other)</c>.</summary>
    /// <param name="other">The factor schedule.</param>
    /// <exception cref="SchedArgumentException">Nesting deeper than <see cref="MaxDepth"/>.</exception>
    public Sched Times(Sched other) => Multiply(this, other);
}

/// <summary><c>multiply</c>: the product of its schedules' values (PyTorch <c>ChainedScheduler</c>).</summary>
internal sealed record MultiplySched : Sched
{
    private readonly int depth;

    public MultiplySched(ValueArray<Sched> scheds)
        : base(AnyPerGroup(scheds))
    {
        Scheds = scheds;
        var deepest = 0;
        foreach (var part in scheds.AsSpan())
        {
            deepest = Math.Max(deepest, part.Depth);
        }
        depth = 1 + deepest;
    }

    public ValueArray<Sched> Scheds { get; }

    internal override int Depth => depth;

    internal override double Eval(double pos)
    {
        var product = 1.0;
        foreach (var part in Scheds.AsSpan())
        {
            // Held within the value bound at each factor, so that a later 0 gives 0, never ∞*0 = NaN.
            product = Math.Clamp(product * part.Eval(pos), -Text.Rules.ValueLimit, Text.Rules.ValueLimit);
        }
        return product;
    }

    internal override Sched Resolve(int group, int groupCount)
    {
        var parts = Scheds.AsSpan();
        var resolved = new Sched[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            resolved[i] = parts[i].ForGroup(group, groupCount);
        }
        return new MultiplySched(ValueArray<Sched>.Own(resolved));
    }

    internal override SchedCall? Call => new(Transformers.Multiply, [Scheds]);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, Transformers.Multiply, [Scheds]);

    private static bool AnyPerGroup(ValueArray<Sched> scheds)
    {
        foreach (var part in scheds.AsSpan())
        {
            if (part.IsPerGroup)
            {
                return true;
            }
        }
        return false;
    }
}
#endif
