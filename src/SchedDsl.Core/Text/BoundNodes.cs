#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
using System.Linq;
#endif

namespace SchedDsl.Text;

/// <summary>How a per-group number was written.</summary>
internal enum HyperForm
{
    /// <summary>A bare number.</summary>
    Scalar,

    /// <summary>A list <c>[a, b, …]</c>, one value per group.</summary>
    List,

    /// <summary><c>slice(stop)</c> or <c>slice(start, stop)</c> (fastai v2 rule).</summary>
    Slice,

    /// <summary><c>slice_v1(stop)</c> (fastai v1 rule: <c>stop/3</c> for the other groups).</summary>
    SliceV1,
}

/// <summary>A checked value of the text form, with its place in the text.</summary>
internal abstract class BoundValue
{
    private protected BoundValue(SyntaxNode syntax) => Syntax = syntax;

    /// <summary>Where it was written.</summary>
    public SyntaxNode Syntax { get; }
}

/// <summary>A number, or the numbers of a list or slice, bound to a <see cref="ParamKind.Hyper"/> parameter.</summary>
internal sealed class BoundHyper : BoundValue
{
    // Null for a bare number, which keeps its value alone: most values are bare numbers, and an array each would be
    // a third of what binding a long combine allocates (issue 22, item 5).
    private readonly IReadOnlyList<double>? numbers;

    internal BoundHyper(HyperForm form, IReadOnlyList<double> numbers, SyntaxNode syntax)
        : base(syntax)
    {
        Form = form;
        this.numbers = numbers;
    }

    /// <summary>A bare number.</summary>
    internal BoundHyper(double scalar, SyntaxNode syntax)
        : base(syntax)
    {
        Form = HyperForm.Scalar;
        Scalar = scalar;
    }

    /// <summary>How it was written.</summary>
    public HyperForm Form { get; }

    /// <summary>The value of a bare number (<see cref="HyperForm.Scalar"/>).</summary>
    public double Scalar { get; }

    /// <summary>The numbers: one for a scalar, the items of a list, <c>[stop]</c> or <c>[start, stop]</c> for a slice.</summary>
    public IReadOnlyList<double> Numbers => numbers ?? new[] { Scalar };
}

/// <summary>A plain number (or whole number) argument.</summary>
internal sealed class BoundNumber : BoundValue
{
    internal BoundNumber(double value, SyntaxNode syntax)
        : base(syntax) => Value = value;

    /// <summary>The value.</summary>
    public double Value { get; }
}

/// <summary>A list of numbers argument.</summary>
internal sealed class BoundNumbers : BoundValue
{
    internal BoundNumbers(IReadOnlyList<double> values, SyntaxNode syntax)
        : base(syntax) => Values = values;

    /// <summary>The values.</summary>
    public IReadOnlyList<double> Values { get; }
}

/// <summary>A list of schedules argument: checked, or already built (when binding and building run together).</summary>
internal sealed class BoundScheds : BoundValue
{
    internal BoundScheds(IReadOnlyList<BoundSched> scheds, SyntaxNode syntax)
        : base(syntax) => Scheds = scheds;

    internal BoundScheds(object[] built, SyntaxNode syntax)
        : base(syntax) => (Scheds, Built) = (System.Array.Empty<BoundSched>(), built);

    /// <summary>The checked schedules; empty when they were built as they were checked (<see cref="Built"/>).</summary>
    public IReadOnlyList<BoundSched> Scheds { get; }

    /// <summary>What the builder made of each schedule, in order, when it ran as they were checked; else null.</summary>
    public object[]? Built { get; }

    /// <summary>How many schedules the list holds.</summary>
    public int Count => Built?.Length ?? Scheds.Count;
}

/// <summary>A schedule: a <see cref="BoundCall"/> or a constant.</summary>
internal abstract class BoundSched : BoundValue
{
    private protected BoundSched(SyntaxNode syntax)
        : base(syntax)
    {
    }
}

/// <summary>A bare number, list or slice used as a schedule: a constant.</summary>
internal sealed class BoundConst : BoundSched
{
    internal BoundConst(BoundHyper value)
        : base(value.Syntax) => Value = value;

    /// <summary>The constant value.</summary>
    public BoundHyper Value { get; }
}

/// <summary>A call of a known function with every argument checked and placed by parameter.</summary>
internal sealed class BoundCall : BoundSched
{
    internal BoundCall(FunctionSpec function, IReadOnlyList<BoundValue?> arguments, CallNode syntax)
        : base(syntax)
    {
        Function = function;
        Arguments = arguments;
    }

    /// <summary>The function.</summary>
    public FunctionSpec Function { get; }

    /// <summary>One entry per parameter of <see cref="Function"/>, in order; null where the default applies.</summary>
    public IReadOnlyList<BoundValue?> Arguments { get; }

    /// <summary>The argument for <paramref name="parameter"/>, or null when its default applies.</summary>
    public BoundValue? Argument(string parameter)
    {
        for (var i = 0; i < Function.Params.Count; i++)
        {
            if (Function.Params[i].Name == parameter)
            {
                return Arguments[i];
            }
        }
        return null;
    }

    /// <summary>The number given for <paramref name="parameter"/>, or its default.</summary>
    public double Number(string parameter)
    {
        if (Argument(parameter) is BoundNumber number)
        {
            return number.Value;
        }
        foreach (var spec in Function.Params)
        {
            if (spec.Name == parameter && spec.Default is double value)
            {
                return value;
            }
        }
        throw new KeyNotFoundException($"{Function.Name} has no number parameter '{parameter}' with a value");
    }

    /// <summary>The arguments' numbers as the function's cross-argument check reads them.</summary>
    internal Args ToArgs()
    {
        var values = new double[]?[Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i] switch
            {
                // The bound arrays themselves where they are arrays: the check only reads them.
                BoundHyper hyper => hyper.Numbers as double[] ?? hyper.Numbers.ToArray(),
                BoundNumber number => new[] { number.Value },
                BoundNumbers numbers => numbers.Values as double[] ?? numbers.Values.ToArray(),
                BoundScheds scheds => Args.Placeholders(scheds.Count),
                _ => null,
            };
        }
        return new Args(Function, values);
    }

    /// <summary>Where <paramref name="parameter"/>'s argument was written, or the call itself.</summary>
    public SyntaxNode Where(string parameter) => Argument(parameter)?.Syntax ?? Syntax;
}
