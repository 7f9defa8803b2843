using SchedDsl.Text;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// A generated schedule with the arguments it was built from, so that the shrinker can simplify the call
/// (leave an argument out, keep one part of a combine) rather than guess from the printed text.
/// </summary>
/// <param name="Spec">The function, or null for a constant (<see cref="Args"/> then holds its one <see cref="Hyper"/>).</param>
/// <param name="Args">Per parameter: null (left out), a number, numbers, a <see cref="Hyper"/>, <see cref="GenNode"/>[] parts, or one <see cref="GenNode"/> part.</param>
/// <param name="Built">The schedule.</param>
internal sealed record GenNode(FunctionSpec? Spec, IReadOnlyList<object?> Args, Sched Built)
{
    /// <summary>A constant schedule of <paramref name="value"/>.</summary>
    public static GenNode Constant(Hyper value) => new(null, [value], Sched.Const(value));

    /// <summary>Builds <paramref name="spec"/> from <paramref name="args"/> (parts already built), or null when Core rejects them.</summary>
    public static GenNode? TryBuild(FunctionSpec spec, IReadOnlyList<object?> args)
    {
        var built = SchedConstruction.Build(spec, [.. args.Select(a => a switch
        {
            GenNode[] parts => parts.Select(p => p.Built).ToArray(),
            GenNode part => part.Built,
            _ => a,
        })]);
        return built is null ? null : new GenNode(spec, args, built);
    }
}
