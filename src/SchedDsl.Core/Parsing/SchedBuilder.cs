using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>
/// Core's <see cref="ISchedBuilder{T}"/>: builds <see cref="Sched"/> values from checked text by calling the public
/// factory each declaration names (<see cref="FunctionSpec.CSharpFactory"/>), as the source generator's emitted code does.
/// </summary>
internal sealed class SchedBuilder(IReadOnlyDictionary<string, AnnealerFactory> custom) : ISchedBuilder<Sched>
{
    // One call's arguments at a time (calls are built bottom-up, each after its parts): refilled per call, so building
    // allocates what it keeps and not an argument array per call.
    private object?[] arguments = new object?[8];

    public Sched Constant(BoundHyper value) => Sched.Const(SchedArgs.ToHyper(value));

    public Sched Call(BoundCall call, IReadOnlyList<Sched> scheds)
    {
        var count = call.Function.Params.Count;
        if (arguments.Length < count)
        {
            arguments = new object?[count];
        }
        SchedArgs.Fill(call, scheds, arguments.AsSpan(0, count));
        try
        {
            return custom.Count > 0 && custom.TryGetValue(call.Function.Name, out var factory)
                ? factory.Create((Hyper)arguments[0]!, (Hyper)arguments[1]!)
                : Factories.InvokeChecked(call.Function, arguments, 0);
        }
        catch (SchedArgumentException error)
        {
            // The binder ran every declared rule already; what is left is structural (Sched.MaxDepth), or a user
            // annealer's own check, reported at the argument it names.
            var where = call.Where(error.ParamName?.Split('[')[0] ?? "");
            throw new TextErrorException(new TextError(error.Message, where.Start, where.Length, ""));
        }
        finally
        {
            arguments.AsSpan(0, count).Clear();
        }
    }
}
