using System.Runtime.CompilerServices;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// Shrinks a generated schedule towards simpler ones, simplest first: a constant, one part of a combine alone, an
/// argument left at its default, a per-group value made scalar, a part shrunk. Every candidate is rebuilt through
/// Core and kept only if valid and inside the range it was generated for, so a shrunk counterexample is one the
/// generator could have produced.
/// </summary>
/// <remarks>
/// FsCheck hands the shrinker the value alone; the arguments it was built from are remembered beside it, keyed by
/// reference, and forgotten when the schedule is collected. A schedule the generator did not make has no candidates.
/// </remarks>
internal static class SchedShrinker
{
    private static readonly ConditionalWeakTable<Sched, Origin> Origins = [];

    /// <summary>The schedule of <paramref name="node"/>, remembered for shrinking.</summary>
    public static Sched Remember(GenNode node, SchedGenOptions options)
    {
        Origins.AddOrUpdate(node.Built, new Origin(node, options));
        return node.Built;
    }

    /// <summary>Simpler schedules than <paramref name="sched"/>, simplest first.</summary>
    public static IEnumerable<Sched> Shrink(Sched sched) =>
        Origins.TryGetValue(sched, out var origin)
            ? Simpler(origin.Node, origin.Options)
                .Where(n => n.Built != sched && SchedLaws.IsWithin(n.Built, origin.Options.Values.Min, origin.Options.Values.Max, origin.Options.GroupCount))
                .Select(n => Remember(n, origin.Options))
            : [];

    private static IEnumerable<GenNode> Simpler(GenNode node, SchedGenOptions options)
    {
        if (node.Spec is not { } spec)
        {
            if (node.Args[0] is Hyper { IsPerGroup: true } value)
            {
                yield return GenNode.Constant(value.Numbers[^1]);
            }
            yield break;
        }
        yield return GenNode.Constant(node.Built.ForGroup(0, options.GroupCount).At(0));
        foreach (var parts in node.Args.OfType<GenNode[]>())
        {
            foreach (var part in parts)
            {
                yield return part;
            }
        }
        foreach (var part in node.Args.OfType<GenNode>())
        {
            yield return part;
        }
        for (var i = 0; i < node.Args.Count; i++)
        {
            var replacements = Replacements(spec.Params[i].Default is not null, node.Args[i], options);
            foreach (var replacement in replacements)
            {
                var args = node.Args.ToArray();
                args[i] = replacement;
                if (GenNode.TryBuild(spec, args) is { } simpler)
                {
                    yield return simpler;
                }
            }
        }
    }

    /// <summary>Simpler values for one argument: left out, a scalar for a per-group value, each part shrunk.</summary>
    private static IEnumerable<object?> Replacements(bool defaulted, object? arg, SchedGenOptions options)
    {
        if (arg is null)
        {
            yield break;
        }
        if (defaulted)
        {
            yield return null;
        }
        if (arg is Hyper { IsPerGroup: true } hyper)
        {
            yield return Hyper.Scalar(hyper.Numbers[^1]);
        }
        if (arg is GenNode single)
        {
            foreach (var simpler in Simpler(single, options))
            {
                yield return simpler;
            }
        }
        if (arg is GenNode[] parts)
        {
            for (var p = 0; p < parts.Length; p++)
            {
                foreach (var simpler in Simpler(parts[p], options))
                {
                    var shrunk = parts.ToArray();
                    shrunk[p] = simpler;
                    yield return shrunk;
                }
            }
        }
    }

    private sealed record Origin(GenNode Node, SchedGenOptions Options);
}
