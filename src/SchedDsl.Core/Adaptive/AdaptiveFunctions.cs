using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// The declarations of the metric-driven functions of the text form, in the style of the planned ones
/// (<see cref="FunctionSpec"/>): names, defaults and ranges are stated here once, and the factories, the text form and
/// the printer read them. They are not in <see cref="FunctionTable"/>: the planned binder never sees them (an adaptive
/// schedule is not a <see cref="Sched"/>), the adaptive layer (<see cref="AdaptiveText"/>) binds them.
/// </summary>
internal static class AdaptiveFunctions
{
    public const double PlateauFactor = 0.1;
    public const int PlateauPatience = 10;
    public const double PlateauThreshold = 1e-4;
    public const double PlateauEps = 1e-8;
    public const double GreedyFactor = 0.1;
    public const int GreedyPatience = 10;
    public const double GreedyThreshold = 1e-4;
    public const double GreedyMaxLr = 10;

    // The rules of each function beyond its parameters' own, one each, so that every problem can be reported (Problems)
    // and the declaration's check is the first of them. Declared before the specs that read them.
    private static readonly Func<Args, ArgProblem?>[] PlateauChecks =
        [Factor, a => Whole(a, "patience"), a => Whole(a, "cooldown"), a => Whole(a, "every"), a => Flag(a, "maximize"), a => Flag(a, "threshold_abs")];

    private static readonly Func<Args, ArgProblem?>[] GreedyChecks =
        [Factor, a => Whole(a, "patience"), a => Whole(a, "cooldown"), a => Whole(a, "warmup"), a => Whole(a, "every"),
            a => a.Number("min_lr") > a.Number("max_lr") ? new ArgProblem("min_lr", $"must be <= max_lr ({TextNumbers.Format(a.Number("max_lr"))}), got {TextNumbers.Format(a.Number("min_lr"))}") : null];

    public static readonly FunctionSpec Plateau = new(
        "plateau", "Plateau", "PyTorch `ReduceLROnPlateau` over sched: × factor after more than patience observations without improvement",
        [
            ParamSpec.Sched("sched"),
            ParamSpec.Number("factor", Rule.Finite, PlateauFactor),
            ParamSpec.Number("patience", Rule.NonNegative, PlateauPatience),
            ParamSpec.Number("threshold", Rule.NonNegative, PlateauThreshold),
            ParamSpec.Number("cooldown", Rule.NonNegative, 0),
            ParamSpec.Number("min_lr", Rule.NonNegative, 0),
            ParamSpec.Number("eps", Rule.NonNegative, PlateauEps),
            ParamSpec.Number("every", Rule.NonNegative, 0),
            ParamSpec.Number("maximize", Rule.Fraction, 0),
            ParamSpec.Number("threshold_abs", Rule.Fraction, 0),
        ],
        a => First(PlateauChecks, a),
        "factor in (0, 1); patience, cooldown, every whole; maximize, threshold_abs 0 or 1");

    public static readonly FunctionSpec Greedy = new(
        "greedy", "Greedy", "GreedyLR (Subramanian & Ganapathiraman 2023) over sched: ÷ factor after improvement streaks, × factor after plateaus, within [min_lr, max_lr]",
        [
            ParamSpec.Sched("sched"),
            ParamSpec.Number("factor", Rule.Finite, GreedyFactor),
            ParamSpec.Number("patience", Rule.NonNegative, GreedyPatience),
            ParamSpec.Number("threshold", Rule.NonNegative, GreedyThreshold),
            ParamSpec.Number("cooldown", Rule.NonNegative, 0),
            ParamSpec.Number("warmup", Rule.NonNegative, 0),
            ParamSpec.Number("min_lr", Rule.NonNegative, 0),
            ParamSpec.Number("max_lr", Rule.Positive, GreedyMaxLr),
            ParamSpec.Number("every", Rule.NonNegative, 0),
        ],
        a => First(GreedyChecks, a),
        "factor in (0, 1); patience, cooldown, warmup, every whole; min_lr <= max_lr");

    public static readonly FunctionSpec FromCurrent = new(
        "from_current", "FromCurrent", "a phase of an adaptive combine relative to the value the phase before it left: value × sched; sched must start at 1",
        [ParamSpec.Sched("sched")]);

    public static readonly FunctionSpec Combine = new(
        "combine", "Combine", "combine with metric-driven or from_current phases: phases[i] over the next pcts[i] of training",
        [ParamSpec.Numbers("pcts", Rule.Positive), ParamSpec.Scheds("phases")],
        a => a.Numbers("phases").Count == 0
            ? new ArgProblem("phases", "must hold at least one phase, got none")
            : a.Numbers("pcts").Count != a.Numbers("phases").Count
                ? new ArgProblem("pcts", $"must have one pct per phase: got {a.Numbers("pcts").Count} pcts for {a.Numbers("phases").Count} phases")
                : Rules.PctsSumProblem(a.Numbers("pcts").Sum()) is { } problem ? new ArgProblem("pcts", problem) : null,
        "one positive pct per phase; pcts sum to 1");

    /// <summary>The adaptive functions by text name (<c>combine</c> is adaptive only when a phase is).</summary>
    public static readonly IReadOnlyDictionary<string, FunctionSpec> ByName = new Dictionary<string, FunctionSpec>(StringComparer.Ordinal)
    {
        [Plateau.Name] = Plateau,
        [Greedy.Name] = Greedy,
        [FromCurrent.Name] = FromCurrent,
    };

    /// <summary>
    /// Every problem with a rule's numbers (<paramref name="values"/>, one entry per parameter as <see cref="Args"/> takes
    /// them; null where a number is missing or not a number): each parameter's own rule, then each of the function's
    /// rules whose parameter has no problem yet, so that <c>plateau(0.01, factor=2, patience=-1)</c> names both.
    /// </summary>
    public static List<ArgProblem> Problems(FunctionSpec function, double[]?[] values)
    {
        var problems = new List<ArgProblem>();
        for (var i = 1; i < function.Params.Count; i++)
        {
            if (values[i] is [var number] && Rules.Problem(number, function.Params[i].Rule) is { } problem)
            {
                problems.Add(new ArgProblem(function.Params[i].Name, problem));
            }
        }
        // A missing number reads as NaN, which every rule here lets pass; its own problem was reported by the caller.
        var args = new Args(function, Array.ConvertAll(values, v => v ?? [double.NaN]));
        foreach (var check in function == Plateau ? PlateauChecks : GreedyChecks)
        {
            if (check(args) is { } problem && !problems.Exists(p => p.BaseParameter == problem.BaseParameter)
                && values[function.IndexOf(problem.BaseParameter)] is not null)
            {
                problems.Add(problem);
            }
        }
        // In parameter order, as they are written.
        return [.. problems.OrderBy(p => function.IndexOf(p.BaseParameter))];
    }

    /// <summary>
    /// The rule <paramref name="function"/> (<see cref="Plateau"/> or <see cref="Greedy"/>) over <paramref name="inner"/>,
    /// from its numbers in parameter order (<c>numbers[0]</c>, the schedule's place, is unused); the text form and the
    /// JSON both build rules here, after checking the numbers against the declaration.
    /// </summary>
    public static AdaptiveSched Build(FunctionSpec function, Sched inner, double[] n) =>
        function == Plateau
            ? AdaptiveSched.Plateau(inner, n[1], (int)n[2], n[3], n[9] == 1 ? ThresholdMode.Absolute : ThresholdMode.Relative, (int)n[4], n[5], n[6],
                n[8] == 1 ? PlateauMode.Max : PlateauMode.Min, (int)n[7])
            : AdaptiveSched.Greedy(inner, n[1], (int)n[2], n[3], (int)n[4], (int)n[5], n[6], n[7], (int)n[8]);

    private static ArgProblem? First(Func<Args, ArgProblem?>[] checks, Args a)
    {
        foreach (var check in checks)
        {
            if (check(a) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static ArgProblem? Factor(Args a) =>
        a.Number("factor") is var factor && !(factor > 0 && factor < 1) ? new ArgProblem("factor", $"must be in (0, 1), got {TextNumbers.Format(factor)}") : null;

    private static ArgProblem? Whole(Args a, string name) =>
        a.Number(name) is var value && (value != Math.Floor(value) || value > int.MaxValue)
            ? new ArgProblem(name, $"must be a whole number in [0, {int.MaxValue}], got {TextNumbers.Format(value)}")
            : null;

    private static ArgProblem? Flag(Args a, string name) =>
        a.Number(name) is var value && value != 0 && value != 1 ? new ArgProblem(name, $"must be 0 or 1, got {TextNumbers.Format(value)}") : null;
}
