#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>What an argument holds.</summary>
public enum ParamKind
{
    /// <summary>A number, a per-group list <c>[a, b]</c> or a slice: C# <c>Hyper</c>.</summary>
    Hyper,

    /// <summary>A plain number: C# <c>double</c>.</summary>
    Number,

    /// <summary>A whole number: C# <c>int</c>.</summary>
    Integer,

    /// <summary>A list of numbers: C# <c>double[]</c>.</summary>
    Numbers,

    /// <summary>A list of schedules: C# <c>Sched[]</c>.</summary>
    Scheds,
}

/// <summary>A parameter of a text-form function.</summary>
/// <remarks>A plain class, not a record: the folder is linked into the generator, which has its own <c>IsExternalInit</c>.</remarks>
public sealed class ParamSpec
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">Its text-form (fastai) name, e.g. <c>pct_start</c>.</param>
    /// <param name="csharpName">The C# factory's parameter name, e.g. <c>pctStart</c>.</param>
    /// <param name="kind">What it holds.</param>
    /// <param name="rule">The allowed range of its numbers.</param>
    /// <param name="defaultValue">Its default, or null when required.</param>
    public ParamSpec(string name, string csharpName, ParamKind kind, Rule rule, double? defaultValue = null)
    {
        Name = name;
        CSharpName = csharpName;
        Kind = kind;
        Rule = rule;
        Default = defaultValue;
    }

    /// <summary>Its text-form (fastai) name, e.g. <c>pct_start</c>; also its JSON key.</summary>
    public string Name { get; }

    /// <summary>The C# factory's parameter name, e.g. <c>pctStart</c>.</summary>
    public string CSharpName { get; }

    /// <summary>What it holds.</summary>
    public ParamKind Kind { get; }

    /// <summary>The allowed range of its numbers (<see cref="Rules.Problem"/>).</summary>
    public Rule Rule { get; }

    /// <summary>Its default, or null when required. Only numbers have defaults.</summary>
    public double? Default { get; }

    /// <inheritdoc />
    public override string ToString() => Default is { } value ? $"{Name}={TextNumbers.Format(value)}" : Name;
}

/// <summary>A text-form function: its name, its parameters, and the <c>Sched</c> factory that builds it.</summary>
public sealed class FunctionSpec
{
    /// <summary>Creates a function.</summary>
    /// <param name="name">Its text-form name, e.g. <c>one_cycle</c>.</param>
    /// <param name="csharpFactory">The static factory on <c>Sched</c>, e.g. <c>OneCycle</c>; null for custom annealers.</param>
    /// <param name="parameters">Its parameters in positional order.</param>
    public FunctionSpec(string name, string? csharpFactory, IReadOnlyList<ParamSpec> parameters)
    {
        Name = name;
        CSharpFactory = csharpFactory;
        Params = parameters;
    }

    /// <summary>Its text-form name, e.g. <c>one_cycle</c>; also its JSON <c>fn</c>.</summary>
    public string Name { get; }

    /// <summary>The static factory on <c>SchedDsl.Sched</c>, e.g. <c>OneCycle</c>; null for custom annealers.</summary>
    public string? CSharpFactory { get; }

    /// <summary>Its parameters in positional order.</summary>
    public IReadOnlyList<ParamSpec> Params { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}({string.Join(", ", Params)})";
}
