#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
using System.Linq;
using System;
#endif

namespace SchedDsl.Text;

/// <summary>What an argument holds.</summary>
internal enum ParamKind
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

    /// <summary>One schedule: C# <c>Sched</c>. A function has at most one schedule or list of schedules.</summary>
    Sched,
}

/// <summary>A parameter of a schedule function: its fastai name, what it holds, its allowed range and its default.</summary>
/// <remarks>A plain class, not a record: the folder is linked into the generator, which has its own <c>IsExternalInit</c>.</remarks>
internal sealed class ParamSpec
{
    private ParamSpec(string name, ParamKind kind, Rule rule, double? defaultValue, string[]? accepts = null)
    {
        Accepts = accepts ?? System.Array.Empty<string>();
        Name = name;
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
        CSharpName = CamelCase(name);
        Kind = kind;
        Rule = rule;
        Default = defaultValue;
        DefaultArgument = defaultValue is not { } value ? null : kind == ParamKind.Integer ? (object)(int)value : value;
    }

    /// <summary>Its text-form (fastai) name, e.g. <c>pct_start</c>; also its JSON key.</summary>
    public string Name { get; }

    /// <summary><see cref="Name"/> in UTF-8, encoded once: JSON writes it and compares property names with it as bytes.</summary>
    public byte[] Utf8Name { get; }

    /// <summary>The C# factory's parameter name, derived from <see cref="Name"/>: <c>pct_start</c> → <c>pctStart</c>.</summary>
    public string CSharpName { get; }

    /// <summary>What it holds.</summary>
    public ParamKind Kind { get; }

    /// <summary>The allowed range of each of its numbers (<see cref="Rules.Problem"/>).</summary>
    public Rule Rule { get; }

    /// <summary>Its default, or null when required. Only numbers have defaults.</summary>
    public double? Default { get; }

    /// <summary><see cref="Default"/> boxed once as the factory's argument (an <c>int</c> for a whole number), or null.</summary>
    public object? DefaultArgument { get; }

    /// <summary>
    /// For a <see cref="ParamKind.Sched"/> parameter, the functions its schedule may be a call of (checked by the
    /// factory, read by the FsCheck generators and the docs); empty when any schedule will do.
    /// </summary>
    public IReadOnlyList<string> Accepts { get; }

    /// <summary>A per-group value: a number, a list <c>[a, b]</c> or a slice.</summary>
    public static ParamSpec Hyper(string name, Rule rule = Rule.Value) => new(name, ParamKind.Hyper, rule, null);

    /// <summary>A number, required when <paramref name="defaultValue"/> is null.</summary>
    public static ParamSpec Number(string name, Rule rule, double? defaultValue = null) => new(name, ParamKind.Number, rule, defaultValue);

    /// <summary>A whole number &gt;= 1.</summary>
    public static ParamSpec Integer(string name) => new(name, ParamKind.Integer, Rule.AtLeastOne, null);

    /// <summary>A list of numbers, each under <paramref name="rule"/>.</summary>
    public static ParamSpec Numbers(string name, Rule rule) => new(name, ParamKind.Numbers, rule, null);

    /// <summary>A list of schedules.</summary>
    public static ParamSpec Scheds(string name) => new(name, ParamKind.Scheds, Rule.Finite, null);

    /// <summary>One schedule; a call of one of <paramref name="accepts"/> when any are named.</summary>
    public static ParamSpec Sched(string name, params string[] accepts) => new(name, ParamKind.Sched, Rule.Finite, null, accepts);

    /// <inheritdoc />
    public override string ToString() => Default is { } value ? $"{Name}={TextNumbers.Format(value)}" : Name;

    private static string CamelCase(string name)
    {
        var parts = name.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }
}

/// <summary>
/// The one declaration of a schedule function: its text-form name, its C# factory, its parameters (names, kinds,
/// single-argument ranges, defaults) and its cross-argument rules. The parser, printer, JSON, the factories' checks,
/// the source generator's compile-time check, the docs' function table and the FsCheck generators all read it.
/// </summary>
internal sealed class FunctionSpec
{
    /// <param name="name">Its text-form name, e.g. <c>one_cycle</c>; also its JSON <c>fn</c>.</param>
    /// <param name="csharpFactory">The static factory on <c>Sched</c>, e.g. <c>OneCycle</c>; null for custom annealers.</param>
    /// <param name="summary">One line for the docs' function table.</param>
    /// <param name="parameters">Its parameters in positional order.</param>
    /// <param name="check">Its cross-argument rules, run after every single-argument rule passed; null when it has none.</param>
    /// <param name="checkSummary">The cross-argument rules in words, for the docs' function table.</param>
    public FunctionSpec(
        string name, string? csharpFactory, string summary, ParamSpec[] parameters, Func<Args, ArgProblem?>? check = null, string checkSummary = "")
    {
        Name = name;
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
        CSharpFactory = csharpFactory;
        Summary = summary;
        Params = parameters;
        Check = check;
        CheckSummary = checkSummary;
    }

    /// <summary>Its text-form name, e.g. <c>one_cycle</c>; also its JSON <c>fn</c>.</summary>
    public string Name { get; }

    /// <summary><see cref="Name"/> in UTF-8, encoded once: JSON writes it as bytes.</summary>
    public byte[] Utf8Name { get; }

    /// <summary>The static factory on <c>SchedDsl.Sched</c>, e.g. <c>OneCycle</c>; null for custom annealers.</summary>
    public string? CSharpFactory { get; }

    /// <summary>One line for the docs' function table.</summary>
    public string Summary { get; }

    /// <summary>Its parameters in positional order.</summary>
    public IReadOnlyList<ParamSpec> Params { get; }

    /// <summary>Its cross-argument rules; null when it has none.</summary>
    public Func<Args, ArgProblem?>? Check { get; }

    /// <summary>The cross-argument rules in words.</summary>
    public string CheckSummary { get; }

    /// <summary>The index of <paramref name="parameter"/>, or -1.</summary>
    public int IndexOf(string parameter)
    {
        for (var i = 0; i < Params.Count; i++)
        {
            if (Params[i].Name == parameter)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Every rule on <paramref name="values"/> (one entry per parameter, as <see cref="Args"/> takes them): each number
    /// under its parameter's rule, then the cross-argument rules. Returns the first problem, or null.
    /// </summary>
    public ArgProblem? Validate(double[]?[] values)
    {
        for (var i = 0; i < Params.Count; i++)
        {
            var parameter = Params[i];
            if (values[i] is not { } numbers || parameter.Kind is ParamKind.Scheds or ParamKind.Sched)
            {
                continue;
            }
            for (var j = 0; j < numbers.Length; j++)
            {
                if (Rules.Problem(numbers[j], parameter.Rule) is { } problem)
                {
                    return new ArgProblem(BindMessages.Item(parameter.Name, parameter.Kind == ParamKind.Numbers ? j : -1), problem);
                }
            }
        }
        return Check?.Invoke(new Args(this, values));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}({string.Join(", ", Params)})";
}
