#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class TimeFunctions
{
    public static readonly FunctionSpec BranchLinear = BranchSpec("branch_linear", "BranchLinear", "cooldown_linear");

    public static readonly FunctionSpec BranchCosine = BranchSpec("branch_cosine", "BranchCosine", "cooldown_cosine");

    public static readonly FunctionSpec BranchSqrt = BranchSpec("branch_sqrt", "BranchSqrt", "cooldown_sqrt");

    private static FunctionSpec BranchSpec(string name, string factory, string cooldown) =>
        new(
            name, factory,
            $"a cooldown branch off a fit planned for `planned` units: its history up to `at` bit for bit, then {cooldown} from its value at `at` to floor over `length` units",
            ResumeParams(ParamSpec.Sched("sched"), "length", ParamSpec.Number("floor", Rule.Value, 0)),
            a => Resumed(a, "length"),
            "at <= planned");
}

// The rest is Core only: the generator compiles the declarations above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// A cooldown branch off this schedule's fit (Hägele et al. 2024; MiniCPM 2024): a fit planned for
    /// <paramref name="planned"/> units, branched after <paramref name="at"/> of them, trains <paramref name="length"/>
    /// more units that cool down from the value in force at <paramref name="at"/> (this schedule at
    /// <c>at/planned</c>) to <paramref name="floor"/>. Every value before <paramref name="at"/> is the trunk's, bit for
    /// bit; the branch starts at the trunk's value exactly and ends at <paramref name="floor"/> exactly. The branch is
    /// a fit of <c>at + length</c> units: its step <c>i</c> is at <c>i/(at + length)</c>. Equivalent to
    /// <see cref="BranchLinear"/>, <see cref="BranchCosine"/> or <see cref="BranchSqrt"/>.
    /// </summary>
    /// <param name="planned">The units the trunk was planned for (&gt; 0).</param>
    /// <param name="at">Where the branch leaves the trunk, in units (0 … <paramref name="planned"/>).</param>
    /// <param name="length">The cooldown's length in units (&gt; 0).</param>
    /// <param name="shape">The cooldown's shape.</param>
    /// <param name="floor">The value the cooldown ends at.</param>
    /// <exception cref="SchedArgumentException">A length not &gt; 0, <paramref name="at"/> past <paramref name="planned"/>, or a floor out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not a <see cref="CooldownShape"/>.</exception>
    public Sched Branch(double planned, double at, double length, CooldownShape shape, double floor = 0)
    {
        TimeFunctions.CheckShape(shape, nameof(shape));
        return Branched(shape, this, planned, at, length, floor);
    }

    /// <summary><see cref="Branch"/> with a linear cooldown. Text: <c>branch_linear(sched, planned, at, length, floor=0)</c>.</summary>
    /// <param name="sched">The trunk's schedule.</param>
    /// <param name="planned">The units the trunk was planned for (&gt; 0).</param>
    /// <param name="at">Where the branch leaves the trunk, in units (0 … <paramref name="planned"/>).</param>
    /// <param name="length">The cooldown's length in units (&gt; 0).</param>
    /// <param name="floor">The value the cooldown ends at.</param>
    /// <exception cref="SchedArgumentException">A length not &gt; 0, <paramref name="at"/> past <paramref name="planned"/>, or a floor out of range.</exception>
    public static Sched BranchLinear(Sched sched, double planned, double at, double length, double floor = 0) =>
        Branched(CooldownShape.Linear, sched, planned, at, length, floor);

    /// <summary><see cref="Branch"/> with a half-cosine cooldown. Text: <c>branch_cosine(sched, planned, at, length, floor=0)</c>.</summary>
    /// <inheritdoc cref="BranchLinear" path="/param"/>
    /// <exception cref="SchedArgumentException">A length not &gt; 0, <paramref name="at"/> past <paramref name="planned"/>, or a floor out of range.</exception>
    public static Sched BranchCosine(Sched sched, double planned, double at, double length, double floor = 0) =>
        Branched(CooldownShape.Cosine, sched, planned, at, length, floor);

    /// <summary><see cref="Branch"/> with the "1-sqrt" cooldown (Hägele et al. 2024). Text: <c>branch_sqrt(sched, planned, at, length, floor=0)</c>.</summary>
    /// <inheritdoc cref="BranchLinear" path="/param"/>
    /// <exception cref="SchedArgumentException">A length not &gt; 0, <paramref name="at"/> past <paramref name="planned"/>, or a floor out of range.</exception>
    public static Sched BranchSqrt(Sched sched, double planned, double at, double length, double floor = 0) =>
        Branched(CooldownShape.Sqrt, sched, planned, at, length, floor);

    private static BranchSched Branched(CooldownShape shape, Sched sched, double planned, double at, double length, double floor)
    {
        ArgumentNullException.ThrowIfNull(sched);
        var function = TimeFunctions.Branch(shape);
        Declared.Check(function, sched, planned, at, length, floor);
        var branch = new BranchSched(sched, planned, at, length, floor, shape);
        return branch.Depth <= MaxDepth
            ? branch
            : throw new SchedArgumentException(function.Name, "sched", $"must nest at most {MaxDepth - 1} levels deep (Sched.MaxDepth), got {sched.Depth}");
    }
}

/// <summary>
/// <c>branch_linear</c>, <c>branch_cosine</c> and <c>branch_sqrt</c>: the trunk's history bit for bit
/// (<see cref="ResumePoint"/>), then <see cref="CooldownCurve"/> from the trunk's value at <c>at</c> to the floor.
/// </summary>
internal sealed record BranchSched : Sched
{
    private readonly ResumePoint plan;

    // Derived from Source, Planned and At (so equality is unaffected): the trunk's value at the branch point, where
    // the cooldown starts; 0 while per-group.
    private readonly double start;

    private readonly int depth;

    public BranchSched(Sched source, double planned, double at, double length, double floor, CooldownShape shape)
        : base(source.IsPerGroup)
    {
        Source = source;
        Length = length;
        Floor = floor;
        Shape = shape;
        plan = new ResumePoint(planned, at, at + length);
        // at/planned: the very position the trunk's fit evaluated at unit `at`.
        start = IsPerGroup ? 0 : source.Eval(at / planned);
        depth = 1 + source.Depth;
    }

    public Sched Source { get; }

    public double Planned => plan.Planned;

    public double AtUnits => plan.At;

    public double Length { get; }

    public double Floor { get; }

    public CooldownShape Shape { get; }

    internal override int Depth => depth;

    internal override double Eval(double pos)
    {
        var units = plan.Units(pos);
        if (units < plan.At)
        {
            return Source.Eval(plan.OriginalPosition(units));
        }
        // The end exactly at 1, whatever at + length rounded to.
        var t = pos >= 1 ? 1 : (units - plan.At) / Length;
        return CooldownCurve.Value(Shape, start, Floor, t);
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new BranchSched(Source.ForGroup(group, groupCount), Planned, AtUnits, Length, Floor, Shape);

    internal override SchedCall? Call => new(TimeFunctions.Branch(Shape), [Source, Planned, AtUnits, Length, Floor]);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, TimeFunctions.Branch(Shape), [Source, Planned, AtUnits, Length, Floor]);
}
#endif
