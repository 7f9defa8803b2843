using System.Text;
using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record AdaptiveSched
{
    /// <summary>
    /// PyTorch's <c>ReduceLROnPlateau</c> over a planned schedule, as a value: the applied value is
    /// <c>sched(pos) × scale</c>, and the scale is multiplied by <paramref name="factor"/> when the metric has not
    /// improved for more than <paramref name="patience"/> observations. Text:
    /// <c>plateau(sched, factor=0.1, patience=10, threshold=1e-4, cooldown=0, min_lr=0, eps=1e-8, every=0, maximize=0, threshold_abs=0)</c>.
    /// </summary>
    /// <remarks>
    /// PyTorch 1.13's semantics, step for step: an observation is better when it beats the best by
    /// <paramref name="threshold"/> (<paramref name="thresholdMode"/>); after a reduction, <paramref name="cooldown"/>
    /// observations pass before bad ones count again; a reduction never takes the applied value below
    /// <paramref name="minLr"/> and is skipped when it would change it by <paramref name="eps"/> or less. Over a
    /// constant, it is PyTorch's scheduler; over a planned curve, the curve keeps its shape at a lower level.
    /// </remarks>
    /// <param name="sched">The planned schedule it scales.</param>
    /// <param name="factor">The multiplier per reduction, in (0, 1).</param>
    /// <param name="patience">Observations without improvement tolerated, &gt;= 0.</param>
    /// <param name="threshold">The improvement that counts, &gt;= 0.</param>
    /// <param name="thresholdMode">Relative or absolute threshold.</param>
    /// <param name="cooldown">Observations to wait after a reduction, &gt;= 0.</param>
    /// <param name="minLr">The lowest value a reduction may set, &gt;= 0.</param>
    /// <param name="eps">The smallest change applied, &gt;= 0.</param>
    /// <param name="mode">Whether the metric should fall (a loss) or rise (an accuracy).</param>
    /// <param name="every">0: observe at each epoch's end; N &gt; 0: every N units of the fit's clock.</param>
    /// <exception cref="SchedArgumentException">An argument out of range; the message names it and the range.</exception>
    public static AdaptiveSched Plateau(Sched sched, double factor = AdaptiveFunctions.PlateauFactor, int patience = AdaptiveFunctions.PlateauPatience,
        double threshold = AdaptiveFunctions.PlateauThreshold, ThresholdMode thresholdMode = ThresholdMode.Relative, int cooldown = 0, double minLr = 0,
        double eps = AdaptiveFunctions.PlateauEps, PlateauMode mode = PlateauMode.Min, int every = 0)
    {
        ArgumentNullException.ThrowIfNull(sched);
        CheckEnum(mode, nameof(mode));
        CheckEnum(thresholdMode, nameof(thresholdMode));
        var maximize = mode == PlateauMode.Max ? 1.0 : 0.0;
        var absolute = thresholdMode == ThresholdMode.Absolute ? 1.0 : 0.0;
        Declared.Check(AdaptiveFunctions.Plateau, sched, factor, (double)patience, threshold, (double)cooldown, minLr, eps, (double)every, maximize, absolute);
        return new RuleSched(sched, new PlateauRule(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps), every);
    }

    /// <summary>
    /// GreedyLR over a planned schedule (Subramanian &amp; Ganapathiraman 2023; Hugging Face's <c>GreedyLR</c>): the
    /// applied value <c>sched(pos) × scale</c> rises by ÷<paramref name="factor"/> after more than
    /// <paramref name="patience"/> improving observations in a row, up to <paramref name="maxLr"/>, and falls by
    /// ×<paramref name="factor"/> after more than <paramref name="patience"/> observations without improvement, down to
    /// <paramref name="minLr"/>. The metric should fall (a loss). Text:
    /// <c>greedy(sched, factor=0.1, patience=10, threshold=1e-4, cooldown=0, warmup=0, min_lr=0, max_lr=10, every=0)</c>.
    /// </summary>
    /// <remarks>
    /// After a rise, <paramref name="cooldown"/> observations ignore improvements; after a fall,
    /// <paramref name="warmup"/> observations ignore the lack of one. The reference implementation's loss smoothing
    /// window and periodic reset are left out: smooth the metric before it is observed (the Learner's train loss is
    /// smoothed already).
    /// </remarks>
    /// <exception cref="SchedArgumentException">An argument out of range; the message names it and the range.</exception>
    public static AdaptiveSched Greedy(Sched sched, double factor = AdaptiveFunctions.GreedyFactor, int patience = AdaptiveFunctions.GreedyPatience,
        double threshold = AdaptiveFunctions.GreedyThreshold, int cooldown = 0, int warmup = 0, double minLr = 0, double maxLr = AdaptiveFunctions.GreedyMaxLr, int every = 0)
    {
        ArgumentNullException.ThrowIfNull(sched);
        Declared.Check(AdaptiveFunctions.Greedy, sched, factor, (double)patience, threshold, (double)cooldown, (double)warmup, minLr, maxLr, (double)every);
        return new RuleSched(sched, new GreedyRule(factor, patience, threshold, cooldown, warmup, minLr, maxLr), every);
    }

    private static void CheckEnum<T>(T value, string parameter)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"{parameter} must be one of {string.Join(", ", Enum.GetNames<T>())}, got {value}");
        }
    }
}

/// <summary>One metric-driven rule over a planned schedule: <c>Inner(pos) × scale</c>, the scale in the rule's state.</summary>
internal sealed record RuleSched : AdaptiveSched
{
    public RuleSched(Sched inner, MetricRule rule, int every)
        : base(inner.IsPerGroup, 1, every) => (Inner, Rule) = (inner, rule);

    public Sched Inner { get; }

    public MetricRule Rule { get; }

    internal override double Eval(double pos, ReadOnlySpan<RuleState> rules) => Inner.Eval(pos) * rules[0].Scale;

    internal override void Step(double pos, double metric, Span<RuleState> rules) =>
        rules[0] = Rule.Step(rules[0], metric, Inner.Eval(pos) * rules[0].Scale);

    internal override void Initial(Span<RuleState> rules) => rules[0] = Rule.Initial;

    internal override AdaptiveSched Resolve(int group, int groupCount) => new RuleSched(Inner.ForGroup(group, groupCount), Rule, Every);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, Rule.Function, [Inner, .. Rule.Arguments(Every)]);
}
