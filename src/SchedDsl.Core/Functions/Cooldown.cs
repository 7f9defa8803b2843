#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class TimeFunctions
{
    public static readonly FunctionSpec CooldownLinear = CooldownSpec("cooldown_linear", "CooldownLinear", "linearly");

    public static readonly FunctionSpec CooldownCosine = CooldownSpec("cooldown_cosine", "CooldownCosine", "by half a cosine");

    public static readonly FunctionSpec CooldownSqrt = CooldownSpec("cooldown_sqrt", "CooldownSqrt", "by 1-sqrt: floor + (start-floor)*(1-sqrt(t)) (Hägele et al. 2024)");

    private static FunctionSpec CooldownSpec(string name, string factory, string how) =>
        new(name, factory, $"a cooldown from start to floor, {how}; exactly start at 0 and floor at 1", [ParamSpec.Hyper("start"), ParamSpec.Number("floor", Rule.Value, 0)]);
}

// The rest is Core only: the generator compiles the declarations above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
internal static partial class TimeFunctions
{
    /// <summary>The cooldown declarations by <see cref="CooldownShape"/>: the one place a shape meets its names.</summary>
    public static FunctionSpec Cooldown(CooldownShape shape) => shape switch
    {
        CooldownShape.Cosine => CooldownCosine,
        CooldownShape.Sqrt => CooldownSqrt,
        _ => CooldownLinear,
    };

    /// <summary>The branch declarations by <see cref="CooldownShape"/>.</summary>
    public static FunctionSpec Branch(CooldownShape shape) => shape switch
    {
        CooldownShape.Cosine => BranchCosine,
        CooldownShape.Sqrt => BranchSqrt,
        _ => BranchLinear,
    };

    /// <summary>Throws when <paramref name="shape"/> is not a <see cref="CooldownShape"/>.</summary>
    public static void CheckShape(CooldownShape shape, string parameter)
    {
        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentOutOfRangeException(parameter, shape, $"{parameter} must be Linear, Cosine or Sqrt, got {shape}");
        }
    }
}

public abstract partial record Sched
{
    /// <summary>
    /// A cooldown from <paramref name="start"/> to <paramref name="floor"/> over the whole schedule, shaped by
    /// <paramref name="shape"/>: exactly <paramref name="start"/> at 0 and <paramref name="floor"/> at 1. Equivalent to
    /// <see cref="CooldownLinear"/>, <see cref="CooldownCosine"/> or <see cref="CooldownSqrt"/>. To cool down from a
    /// point of a running fit, see <see cref="Branch"/>.
    /// </summary>
    /// <param name="start">The value at 0, per group as a list or slice if need be.</param>
    /// <param name="shape">How it falls.</param>
    /// <param name="floor">The value at 1.</param>
    /// <exception cref="SchedArgumentException">A number that is not finite or out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not a <see cref="CooldownShape"/>.</exception>
    public static Sched Cooldown(Hyper start, CooldownShape shape, double floor = 0)
    {
        TimeFunctions.CheckShape(shape, nameof(shape));
        return Cooled(shape, start, floor);
    }

    /// <summary>A linear cooldown, <c>start + t·(floor − start)</c> (fastai's <c>SchedLin</c> between the ends). Text: <c>cooldown_linear(start, floor=0)</c>.</summary>
    /// <param name="start">The value at 0.</param>
    /// <param name="floor">The value at 1.</param>
    /// <exception cref="SchedArgumentException">A number that is not finite or out of range.</exception>
    public static Sched CooldownLinear(Hyper start, double floor = 0) => Cooled(CooldownShape.Linear, start, floor);

    /// <summary>A half-cosine cooldown (fastai's <c>SchedCos</c> between the ends). Text: <c>cooldown_cosine(start, floor=0)</c>.</summary>
    /// <param name="start">The value at 0.</param>
    /// <param name="floor">The value at 1.</param>
    /// <exception cref="SchedArgumentException">A number that is not finite or out of range.</exception>
    public static Sched CooldownCosine(Hyper start, double floor = 0) => Cooled(CooldownShape.Cosine, start, floor);

    /// <summary>
    /// The "1-sqrt" cooldown of Hägele et al. (2024), <c>floor + (start − floor)·(1 − √t)</c>: fast at first, then
    /// slowly to the floor. Text: <c>cooldown_sqrt(start, floor=0)</c>.
    /// </summary>
    /// <param name="start">The value at 0.</param>
    /// <param name="floor">The value at 1.</param>
    /// <exception cref="SchedArgumentException">A number that is not finite or out of range.</exception>
    public static Sched CooldownSqrt(Hyper start, double floor = 0) => Cooled(CooldownShape.Sqrt, start, floor);

    private static CooldownSched Cooled(CooldownShape shape, Hyper start, double floor)
    {
        ArgumentNullException.ThrowIfNull(start);
        Declared.Check(TimeFunctions.Cooldown(shape), start, floor);
        return new CooldownSched(start, floor, shape);
    }
}

/// <summary><c>cooldown_linear</c>, <c>cooldown_cosine</c> and <c>cooldown_sqrt</c> (<see cref="CooldownCurve"/>).</summary>
internal sealed record CooldownSched : Sched
{
    // The scalar start, cached for evaluation; derived from Start, so equality is unaffected.
    private readonly double start;

    public CooldownSched(Hyper start, double floor, CooldownShape shape)
        : base(start.IsPerGroup)
    {
        Start = start;
        Floor = floor;
        Shape = shape;
        this.start = IsPerGroup ? 0 : start.ForGroup(0, 1);
    }

    public Hyper Start { get; }

    public double Floor { get; }

    public CooldownShape Shape { get; }

    internal override double Eval(double pos) => CooldownCurve.Value(Shape, start, Floor, pos);

    internal override Sched Resolve(int group, int groupCount) => new CooldownSched(Start.ForGroup(group, groupCount), Floor, Shape);

    internal override SchedCall? Call => new(TimeFunctions.Cooldown(Shape), [Start, Floor]);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, TimeFunctions.Cooldown(Shape), [Start, Floor]);
}
#endif
