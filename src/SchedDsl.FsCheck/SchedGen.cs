using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Testing.Generation;
using SchedDsl.Testing.Inspection;
using SchedDsl.Text;

namespace SchedDsl.Testing;

/// <summary>
/// FsCheck generators of schedules, derived from the text form's declarations (<see cref="FunctionTable.All"/>):
/// every function, its arguments drawn from each parameter's kind and range, defaulted arguments sometimes left
/// out, per-group lists and slices, and <c>combine</c> nesting whose depth halves with FsCheck's size. A function
/// added to Core is generated with no change here.
/// </summary>
/// <remarks>
/// <para>
/// Values are bounded (<see cref="SchedGenOptions.Values"/>): every generated schedule stays in the range on all of
/// [0, 1], so a test can narrow it to the learning rates it cares about. Candidates Core rejects (cross-argument
/// rules such as <c>pct_start &lt;= 0.5</c> or sorted milestones) are drawn again a bounded number of times, then a
/// constant stands in: generation never loops forever.
/// </para>
/// <para>Thread-safety: generators are immutable values; sampling is as safe as FsCheck's.</para>
/// </remarks>
public static class SchedGen
{
    /// <summary>Any schedule, with the default options (values in [-1000, 1000], three groups).</summary>
    public static Gen<Sched> Any() => Any(SchedGenOptions.Default);

    /// <summary>Any schedule whose every value lies in [<paramref name="min"/>, <paramref name="max"/>], e.g. <c>Any(1e-6, 1e-1)</c>.</summary>
    /// <param name="min">The lowest value any generated schedule takes.</param>
    /// <param name="max">The highest.</param>
    public static Gen<Sched> Any(double min, double max) => Any(SchedGenOptions.Default with { Values = (min, max) });

    /// <summary>Any schedule under <paramref name="options"/>.</summary>
    /// <param name="options">The value range and group count.</param>
    public static Gen<Sched> Any(SchedGenOptions options)
    {
        Check(options);
        return Nodes(options).Select(node => SchedShrinker.Remember(node, options));
    }

    /// <summary>Calls of one text-form function, e.g. <c>Function("one_cycle")</c>; nested schedules (for <c>combine</c>) are leaves.</summary>
    /// <param name="name">A name in the text form's function table.</param>
    /// <param name="options">The value range and group count; null for the defaults.</param>
    /// <exception cref="ArgumentException">No such function, or none of its calls fits the range.</exception>
    public static Gen<Sched> Function(string name, SchedGenOptions? options = null)
    {
        options ??= SchedGenOptions.Default;
        return FunctionNodes(name, options).Select(node => SchedShrinker.Remember(node, options));
    }

    /// <summary>
    /// <see cref="Any(SchedGenOptions)"/> as FsCheck's <see cref="Arbitrary{T}"/>, shrinking a counterexample towards
    /// simpler schedules: a constant, one part of a combine, defaulted arguments left out, scalar values.
    /// </summary>
    /// <param name="options">The value range and group count; null for the defaults.</param>
    public static Arbitrary<Sched> Arbitrary(SchedGenOptions? options = null) =>
        Arb.From(Any(options ?? SchedGenOptions.Default), SchedShrinker.Shrink);

    /// <summary>Simpler schedules than one these generators made (none for others), simplest first: FsCheck's shrinker.</summary>
    /// <param name="sched">A generated schedule.</param>
    public static IEnumerable<Sched> Shrink(Sched sched) => SchedShrinker.Shrink(sched);

    /// <summary>Positions in [0, 1], 0 and 1 themselves often.</summary>
    public static Gen<double> Position { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)), (1, Gen.Constant(1.0)), (8, Gen.Choose(0, 1_000_000).Select(i => i / 1e6)));

    /// <summary>Positions in [0, 1] for <paramref name="sched"/>: 0, 1 and its joins often, where off-by-one slips show.</summary>
    /// <param name="sched">The schedule.</param>
    public static Gen<double> PositionIn(Sched sched)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var joins = SchedStructure.Joins(sched).Select(j => j.Position).ToArray();
        return joins.Length == 0 ? Position : Gen.Frequency((1, Gen.Elements(joins)), (3, Position));
    }

    /// <summary>The generated calls behind <see cref="Any(SchedGenOptions)"/>, with the arguments each was built from.</summary>
    internal static Gen<GenNode> Nodes(SchedGenOptions options) => Gen.Sized(size => Tree(size, options));

    /// <summary>The generated calls behind <see cref="Function"/>.</summary>
    internal static Gen<GenNode> FunctionNodes(string name, SchedGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        Check(options);
        if (!FunctionTable.All.TryGetValue(name, out var spec))
        {
            throw new ArgumentException($"no text-form function is named '{name}'", nameof(name));
        }
        return CallGen.For(spec, options, Tree(1, options))
            ?? throw new ArgumentException($"{name} cannot take values only in [{options.Values.Min:R}, {options.Values.Max:R}]", nameof(name));
    }

    // Generators are immutable values, so each (size, options) tree is built once: building one reads every declaration
    // (about a millisecond), and built per sample, with a fresh one per nested part and per retry, it made drawing one
    // schedule at size 100 take 30 ms.
    private static readonly ConcurrentDictionary<(int Size, SchedGenOptions Options), Gen<GenNode>> Trees = new();

    private static Gen<GenNode> Tree(int size, SchedGenOptions options) =>
        Trees.GetOrAdd((size, options), static key => NewTree(key.Size, key.Options));

    private static Gen<GenNode> NewTree(int size, SchedGenOptions options)
    {
        var part = size > 1 ? Gen.Sized(_ => Tree(size / 2, options)) : null;
        var calls = new List<(int Weight, Gen<GenNode> Gen)>();
        foreach (var spec in FunctionTable.All.Values)
        {
            var nests = spec.Params.Any(p => p.Kind is ParamKind.Scheds or ParamKind.Sched);
            if (CallGen.For(spec, options, nests ? part : null) is { } gen)
            {
                // A list of schedules weighs more, so that a combine is drawn about as often as a fifth of the leaves;
                // a function of one schedule (replan, branch) weighs as a leaf.
                var combines = spec.Params.Any(p => p.Kind == ParamKind.Scheds);
                calls.Add((combines ? Math.Max(1, FunctionTable.All.Count / 5) : 1, gen));
            }
        }
        calls.Add((1, NumberGen.In(options.Values.Min, options.Values.Max).Select(v => GenNode.Constant(v))));
        return Gen.Frequency([.. calls]);
    }

    private static void Check(SchedGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (min, max) = options.Values;
        if (!(double.IsFinite(min) && double.IsFinite(max) && min <= max))
        {
            throw new ArgumentException($"Values must be a finite range with Min <= Max, got [{min:R}, {max:R}]", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GroupCount, 1, nameof(options));
    }
}
