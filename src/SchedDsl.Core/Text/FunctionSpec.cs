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
/// <param name="Name">Its text-form (fastai) name, e.g. <c>pct_start</c>.</param>
/// <param name="CSharpName">The C# factory's parameter name, e.g. <c>pctStart</c>.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Rule">The allowed range of its numbers.</param>
/// <param name="Default">Its default, or null when required.</param>
public sealed record ParamSpec(string Name, string CSharpName, ParamKind Kind, Rule Rule, double? Default = null);

/// <summary>A text-form function: its name, its parameters, and the <c>Sched</c> factory that builds it.</summary>
/// <param name="Name">Its text-form name, e.g. <c>one_cycle</c>.</param>
/// <param name="CSharpFactory">The static factory on <c>Sched</c>, e.g. <c>OneCycle</c>; null for custom annealers.</param>
/// <param name="Params">Its parameters in positional order.</param>
public sealed record FunctionSpec(string Name, string? CSharpFactory, IReadOnlyList<ParamSpec> Params);
