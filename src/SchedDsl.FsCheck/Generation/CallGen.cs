using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Text;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// Calls of one function: arguments from <see cref="ArgGen"/>, built by <see cref="SchedConstruction"/>, kept when
/// Core accepts them and the values stay in range. Rejected candidates are drawn again a bounded number of times,
/// then a constant stands in, so generation never loops forever.
/// </summary>
internal static class CallGen
{
    /// <summary>Draws per call; with the ranges <see cref="ArgGen"/> uses, the first or second draw is nearly always valid.</summary>
    public const int MaxAttempts = 25;

    /// <summary>Calls of <paramref name="spec"/>, or null when its parameters cannot be drawn (nested schedules at a leaf, a rule outside the range).</summary>
    public static Gen<GenNode>? For(FunctionSpec spec, SchedGenOptions options, Gen<GenNode>? part)
    {
        var candidate = Candidate(spec, options, part);
        return candidate is null ? null : Attempt(candidate, options, MaxAttempts);
    }

    /// <summary>The stand-in when every draw is rejected: the top of the range, which every bound admits.</summary>
    public static GenNode Fallback(SchedGenOptions options) => GenNode.Constant(options.Values.Max);

    private static Gen<GenNode> Attempt(Gen<GenNode?> candidate, SchedGenOptions options, int attemptsLeft) =>
        candidate.SelectMany(node =>
            node is not null && SchedLaws.IsWithin(node.Built, options.Values.Min, options.Values.Max, options.GroupCount)
                ? Gen.Constant(node)
                : attemptsLeft > 1 ? Attempt(candidate, options, attemptsLeft - 1) : Gen.Constant(Fallback(options)));

    private static Gen<GenNode?>? Candidate(FunctionSpec spec, SchedGenOptions options, Gen<GenNode>? part)
    {
        if (spec.Params.Any(p => ArgGen.For(p, options, 1, part) is null))
        {
            return null;
        }
        // Every list in one call has the same length: pcts and scheds, boundaries and scales must agree.
        return Gen.Choose(1, 4).SelectMany(count =>
        {
            var args = Gen.Constant(new List<object?>());
            foreach (var param in spec.Params)
            {
                var arg = ArgGen.For(param, options, count, part)!;
                args = args.SelectMany(list => arg.Select(a => new List<object?>(list) { a }));
            }
            return args.Select(list => GenNode.TryBuild(spec, list));
        });
    }
}
