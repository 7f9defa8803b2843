#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class WarmupFunctions
{
    public static readonly FunctionSpec WarmupLog = new(
        "warmup_log", "WarmupLog",
        "DeepSpeed `WarmupLR` (`warmup_type='log'`): lr*start_ratio → lr along ln(1 + x*(warmup_num_steps-1))/ln(warmup_num_steps) over warmup_pct, then flat at lr",
        [
            ParamSpec.Hyper("lr"),
            ParamSpec.Number("warmup_pct", Rule.Fraction),
            ParamSpec.Integer("warmup_num_steps"),
            ParamSpec.Number("start_ratio", Rule.NonNegative, 0),
        ],
        a => (a.Number("warmup_num_steps") < 2
                ? new ArgProblem("warmup_num_steps", $"must be >= 2 (the curve is ln(1 + x*(n-1))/ln(n), and ln(1) = 0), got {TextNumbers.Format(a.Number("warmup_num_steps"))}")
                : null)
            ?? CrossRules.Ratio(a, "start_ratio", "lr"),
        "warmup_num_steps >= 2; lr*start_ratio within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// A logarithmic warmup, then flat: from <c>lr*startRatio</c> to <paramref name="lr"/> over
    /// <paramref name="warmupPct"/> along <c>ln(1 + x*(n-1))/ln(n)</c> (<c>x</c> the share of the warmup done,
    /// <c>n</c> = <paramref name="warmupNumSteps"/>): steep at first, then flattening out, reaching <paramref name="lr"/>
    /// exactly at the warmup's end. Text: <c>warmup_log(lr, warmup_pct, warmup_num_steps, start_ratio=0)</c>.
    /// </summary>
    /// <remarks>
    /// DeepSpeed <c>WarmupLR(warmup_min_lr=m, warmup_max_lr=M, warmup_num_steps=W, warmup_type='log')</c> over
    /// <c>T</c> steps is <c>WarmupLog(M, (W-1)/T, W, m/M)</c> at <c>pos = i/T</c>, <c>i</c> its
    /// <c>last_batch_iteration</c>: DeepSpeed's <c>ln(i+1)/ln(W)</c> reaches 1 at <c>i = W-1</c>, where our warmup
    /// ends. (DeepSpeed steps after each batch, so batch <c>i+1</c> trains with it.)
    /// </remarks>
    /// <param name="lr">The value after the warmup: a number, a per-group list, or a slice.</param>
    /// <param name="warmupPct">The warmup's share of training, in [0, 1].</param>
    /// <param name="warmupNumSteps">The log's scale <c>n</c> (&gt;= 2): DeepSpeed's <c>warmup_num_steps</c>; larger is steeper at first.</param>
    /// <param name="startRatio">The start, as a ratio of <paramref name="lr"/> (DeepSpeed's <c>warmup_min_lr/warmup_max_lr</c>).</param>
    /// <exception cref="SchedArgumentException">A number out of its range, or <paramref name="warmupNumSteps"/> below 2.</exception>
    public static Sched WarmupLog(Hyper lr, double warmupPct, int warmupNumSteps, double startRatio = 0)
    {
        Declared.Check(WarmupFunctions.WarmupLog, lr, warmupPct, warmupNumSteps, startRatio);
        return new WarmupLogSched(lr, warmupPct, warmupNumSteps, startRatio);
    }
}

/// <summary>DeepSpeed's log warmup (<see cref="LogCurveSched"/>) over <c>warmup_pct</c>, then flat at <c>lr</c>.</summary>
internal sealed record WarmupLogSched(Hyper Lr, double WarmupPct, int WarmupNumSteps, double StartRatio)
    : Preset(ZooParts.Combine([WarmupPct, 1 - WarmupPct], [new LogCurveSched(Lr.Scale(StartRatio), Lr, WarmupNumSteps), ZooParts.Flat(Lr)]))
{
    public override FunctionSpec Function => WarmupFunctions.WarmupLog;

    internal override object[] Arguments => [Lr, WarmupPct, WarmupNumSteps, StartRatio];
}

/// <summary>
/// <c>start + (end - start) * ln(1 + pos*(n-1))/ln(n)</c>: exactly <c>start</c> at 0 and <c>end</c> at 1 (DeepSpeed's
/// <c>ln(step+1)/ln(n)</c> with the step counted in shares of <c>n-1</c>).
/// </summary>
internal sealed record LogCurveSched : Sched
{
    private readonly double start;
    private readonly double end;
    private readonly double inverseLog;

    public LogCurveSched(Hyper start, Hyper end, double n)
        : base(start.IsPerGroup || end.IsPerGroup)
    {
        Start = start;
        End = end;
        N = n;
        inverseLog = 1 / Math.Log(n);
        if (!IsPerGroup)
        {
            this.start = start.ForGroup(0, 1);
            this.end = end.ForGroup(0, 1);
        }
    }

    public Hyper Start { get; }

    public Hyper End { get; }

    public double N { get; }

    // DeepSpeed's order of operations: inverse_log_warm_up * log(step + 1); the end exactly at 1.
    internal override double Eval(double pos) =>
        pos >= 1 ? end : start + ((end - start) * (inverseLog * Math.Log(1 + (pos * (N - 1)))));

    internal override Sched Resolve(int group, int groupCount) => new LogCurveSched(Start.ForGroup(group, groupCount), End.ForGroup(group, groupCount), N);

    internal override void Print(System.Text.StringBuilder builder) =>
        builder.Append("log_curve(").Append(Start).Append(", ").Append(End).Append(", ").Append(NumberText.Format(N)).Append(')');
}
#endif
