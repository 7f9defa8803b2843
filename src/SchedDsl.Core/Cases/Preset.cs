using System.Text;
using SchedDsl.Parsing;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// A named schedule (one-cycle, SGDR, …) that keeps its own parameters for printing and equality and evaluates
/// through its expansion into the basic parts (annealers and <see cref="CombineSched"/>).
/// </summary>
internal abstract record Preset : Sched
{
    // Most presets expand to a combine: calling the sealed type directly saves a virtual call per evaluation.
    private readonly CombineSched? combine;

    private protected Preset(Sched expanded)
        : base(expanded.IsPerGroup)
    {
        Expanded = expanded;
        combine = expanded as CombineSched;
    }

    /// <summary>The same schedule built from basic parts.</summary>
    public Sched Expanded { get; }

    /// <summary>The expansion when it is a combine (most presets), else null.</summary>
    internal CombineSched? ExpandedCombine => combine;

    /// <summary>Its declaration: name, parameters, defaults and rules.</summary>
    public abstract FunctionSpec Function { get; }

    /// <summary>Its arguments in <see cref="Function"/>'s parameter order.</summary>
    internal abstract object[] Arguments { get; }

    internal override SchedCall? Call => new(Function, Arguments);

    /// <summary>The same function called again with every per-group argument replaced by that group's value.</summary>
    /// <remarks>Bind time only: the factory re-checks its arguments, which a group's value of an accepted list or slice passes.</remarks>
    internal sealed override Sched Resolve(int group, int groupCount)
    {
        var arguments = Arguments;
        var resolved = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            resolved[i] = arguments[i] is Hyper hyper ? (Hyper)hyper.ForGroup(group, groupCount) : arguments[i];
        }
        return Factories.Invoke(Function, resolved);
    }

    internal sealed override double Eval(double pos) => combine is not null ? combine.Eval(pos) : Expanded.Eval(pos);

    internal sealed override void Print(StringBuilder builder) => CallText.Print(builder, Function, Arguments);
}
