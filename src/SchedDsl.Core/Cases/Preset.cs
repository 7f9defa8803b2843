using System.Text;
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

    internal sealed override double Eval(double pos) => combine is not null ? combine.Eval(pos) : Expanded.Eval(pos);

    internal sealed override void Print(StringBuilder builder) => CallText.Print(builder, Function, Arguments);
}
