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
        a => Factor(a) ?? Whole(a, "patience") ?? Whole(a, "cooldown") ?? Whole(a, "every") ?? Flag(a, "maximize") ?? Flag(a, "threshold_abs"),
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
        a => Factor(a) ?? Whole(a, "patience") ?? Whole(a, "cooldown") ?? Whole(a, "warmup") ?? Whole(a, "every")
            ?? (a.Number("min_lr") > a.Number("max_lr") ? new ArgProblem("min_lr", $"must be <= max_lr ({TextNumbers.Format(a.Number("max_lr"))}), got {TextNumbers.Format(a.Number("min_lr"))}") : null),
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

    private static ArgProblem? Factor(Args a) =>
        a.Number("factor") is var factor && !(factor > 0 && factor < 1) ? new ArgProblem("factor", $"must be in (0, 1), got {TextNumbers.Format(factor)}") : null;

    private static ArgProblem? Whole(Args a, string name) =>
        a.Number(name) is var value && (value != Math.Floor(value) || value > int.MaxValue)
            ? new ArgProblem(name, $"must be a whole number in [0, {int.MaxValue}], got {TextNumbers.Format(value)}")
            : null;

    private static ArgProblem? Flag(Args a, string name) =>
        a.Number(name) is var value && value != 0 && value != 1 ? new ArgProblem(name, $"must be 0 or 1, got {TextNumbers.Format(value)}") : null;
}
