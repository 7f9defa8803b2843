#nullable enable
namespace SchedDsl.Text;

/// <summary>fastai's <c>combine_scheds</c> and <c>combined_cos</c>.</summary>
internal static class CombineFunctions
{
    public static readonly FunctionSpec Combine = new(
        "combine", "CombineScheds", "fastai `combine_scheds`: scheds[i] over the next pcts[i] of training",
        [ParamSpec.Numbers("pcts", Rule.NonNegative), ParamSpec.Scheds("scheds")],
        a => a.Numbers("scheds").Count == 0
            ? new ArgProblem("scheds", "must hold at least one schedule, got none")
            : a.Numbers("pcts").Count != a.Numbers("scheds").Count
                ? new ArgProblem("pcts", $"must have one pct per schedule: got {a.Numbers("pcts").Count} pcts for {a.Numbers("scheds").Count} schedules")
                : Rules.PctsSumProblem(Sum(a.Numbers("pcts"))) is { } problem ? new ArgProblem("pcts", problem) : null,
        "one pct per schedule, at least one; pcts sum to 1");

    public static readonly FunctionSpec CombinedCos = new(
        "combined_cos", "CombinedCos", "fastai `combined_cos`: cosine start → middle over pct, then middle → end",
        [ParamSpec.Number("pct", Rule.Fraction), ParamSpec.Hyper("start"), ParamSpec.Hyper("middle"), ParamSpec.Hyper("end")]);

    private static double Sum(System.Collections.Generic.IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }
        return sum;
    }
}
