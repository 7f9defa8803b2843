#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Transformers
{
    public static readonly FunctionSpec Staircase = new(
        "staircase", "Staircase",
        "DeepSpeed's staircase (`lr_range_test_staircase`): sched held at the start of each of `steps` equal stairs, sched(floor(pos*steps)/steps)",
        [ParamSpec.Sched("sched"), ParamSpec.Integer("steps")]);
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// <paramref name="sched"/> quantised into <paramref name="steps"/> equal stairs: each stair holds the value at
    /// its start, <c>sched(floor(pos*steps)/steps)</c>, and <c>pos = 1</c> gives <c>sched(1)</c>. Text:
    /// <c>staircase(sched, steps)</c>. <see cref="Stairs"/> is the same as an instance method.
    /// </summary>
    /// <remarks>
    /// <para>DeepSpeed <c>LRRangeTest(lr_range_test_min_lr=m, lr_range_test_step_size=S, lr_range_test_step_rate=r,
    /// lr_range_test_staircase=True)</c> over <c>T</c> steps is <c>Staircase(Lin(m, m*(1 + r*T/S)), T/S)</c> at
    /// <c>pos = k/T</c> for the lr of the <c>k</c>-th optimizer step (DeepSpeed's <c>last_batch_iteration + 1</c>).</para>
    /// <para>PyTorch <c>StepLR(step_size=S, gamma)</c> over <c>T</c> steps is
    /// <c>Staircase(ExponentialDecay(lr, gamma, S/T), T/S)</c> at <c>pos = step/T</c>.</para>
    /// <para>A stair starts where <c>pos*steps</c> is within 1e-12 stairs of a whole number, so that a grid position
    /// <c>i/n</c> that rounds just below a stair's start is on the stair.</para>
    /// </remarks>
    /// <param name="sched">The schedule to quantise.</param>
    /// <param name="steps">The number of stairs over training, &gt;= 1.</param>
    /// <exception cref="SchedArgumentException"><paramref name="steps"/> below 1, or nesting deeper than <see cref="MaxDepth"/>.</exception>
    public static Sched Staircase(Sched sched, int steps)
    {
        ArgumentNullException.ThrowIfNull(sched);
        Declared.Check(Transformers.Staircase, sched, steps);
        var stairs = new StaircaseSched(sched, steps);
        return stairs.Depth <= MaxDepth
            ? stairs
            : throw new SchedArgumentException(Transformers.Staircase.Name, "sched", $"must nest at most {MaxDepth - 1} levels deep (Sched.MaxDepth), got {sched.Depth}");
    }

    /// <summary>This schedule in <paramref name="steps"/> stairs: <c>Staircase(this, steps)</c>.</summary>
    /// <param name="steps">The number of stairs over training, &gt;= 1.</param>
    /// <exception cref="SchedArgumentException"><paramref name="steps"/> below 1.</exception>
    public Sched Stairs(int steps) => Staircase(this, steps);
}

/// <summary><c>staircase</c>: the source held at the start of each stair.</summary>
internal sealed record StaircaseSched : Sched
{
    private readonly double snap;
    private readonly int depth;

    public StaircaseSched(Sched source, int steps)
        : base(source.IsPerGroup)
    {
        Source = source;
        Steps = steps;
        snap = RepeatSched.JoinSnapInCycles(steps);
        depth = 1 + source.Depth;
    }

    public Sched Source { get; }

    public int Steps { get; }

    internal override int Depth => depth;

    internal override double Eval(double pos) => Source.Eval(Stair.Start(pos, Steps, snap));

    internal override Sched Resolve(int group, int groupCount) => new StaircaseSched(Source.ForGroup(group, groupCount), Steps);

    internal override SchedCall? Call => new(Transformers.Staircase, [Source, Steps]);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, Transformers.Staircase, [Source, Steps]);
}

/// <summary>Which of <c>n</c> equal stairs (or steps) a position is on: shared by <c>staircase</c> and <c>noise</c>.</summary>
internal static class Stair
{
    /// <summary>The stair's index, <c>floor(pos*n)</c> with a position within <paramref name="snap"/> stairs below a start counted on it; at most <paramref name="n"/>.</summary>
    public static double Index(double pos, int n, double snap) => Math.Min(Math.Floor((pos * n) + snap), n);

    /// <summary>Where the stair of <paramref name="pos"/> starts, in [0, 1].</summary>
    public static double Start(double pos, int n, double snap) => Index(pos, n, snap) / n;
}
#endif
