#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Every rule on a slice's numbers, written once for <c>Hyper.Slice</c>, the text binder and the JSON reader (and
/// so for <c>[SchedText]</c> at compile time): each number within ±<see cref="Rules.ValueLimit"/>; a start of 0
/// means no start (fastai's <c>if lr.start:</c>); otherwise both ends are &gt; 0 and <c>stop/start</c> stays a
/// number (even_mults is geometric); without a start, <c>stop/10</c> (<c>stop/3</c> for <c>slice_v1</c>), the other
/// groups' value, does not underflow to 0. Then every kept number is under the rule of the parameter the slice is
/// given to.
/// </summary>
internal static class SliceRules
{
    /// <summary>True when <c>slice(0, stop)</c> is <c>slice(stop)</c>.</summary>
    public static bool DropsStart(IReadOnlyList<double> numbers) => numbers.Count == 2 && numbers[0] == 0;

    /// <summary>What <c>slice(stop)</c> divides stop by for every group but the last: 3 (<c>slice_v1</c>, fastai v1) or 10 (v2).</summary>
    public static double OthersDivisor(bool v1) => v1 ? 3 : 10;

    /// <summary>
    /// The first problem with the slice's own numbers, <c>[stop]</c> or <c>[start, stop]</c>, blaming <c>start</c> or
    /// <c>stop</c> (<paramref name="blamed"/> is its index); null when the slice is fine.
    /// </summary>
    public static ArgProblem? Own(IReadOnlyList<double> numbers, bool v1, out int blamed)
    {
        var last = numbers.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            // Within the magnitude bound: even_mults' start*step^i lands near stop, and rounding must not take it to ∞.
            if (Rules.Problem(numbers[i], Rule.Value) is { } problem)
            {
                return Blame(i, last, problem, out blamed);
            }
        }
        var stop = numbers[last];
        if (last == 1 && numbers[0] != 0)
        {
            var start = numbers[0];
            if (Rules.Problem(start, Rule.Positive) is { } startProblem)
            {
                return Blame(0, last, startProblem, out blamed);
            }
            if (Rules.Problem(stop, Rule.Positive) is { } stopProblem)
            {
                return Blame(1, last, stopProblem, out blamed);
            }
            if (CrossRules.Geometric(start, stop, "start", "stop") is { } ratio)
            {
                blamed = 1;
                return ratio;
            }
            blamed = -1;
            return null;
        }
        var divisor = OthersDivisor(v1);
        if (stop != 0 && stop / divisor == 0)
        {
            return Blame(
                last, last,
                $"must be 0 or large enough that stop/{TextNumbers.Format(divisor)} (the other groups' value) is not 0, got {TextNumbers.Format(stop)}",
                out blamed);
        }
        blamed = -1;
        return null;
    }

    /// <summary>
    /// The first problem (a whole message) with a slice written as <paramref name="name"/> (<c>slice</c> or
    /// <c>slice_v1</c>) and given to <paramref name="function"/>'s <paramref name="parameter"/>, and the index of the
    /// number to blame; null when the slice is fine.
    /// </summary>
    public static string? Problem(IReadOnlyList<double> numbers, string name, string function, string parameter, Rule rule, out int blamed)
    {
        if (Own(numbers, name == "slice_v1", out blamed) is { } own)
        {
            return BindMessages.Problem(name, own.Parameter, own.Problem);
        }
        for (var i = DropsStart(numbers) ? 1 : 0; i < numbers.Count; i++)
        {
            if (Rules.Problem(numbers[i], rule) is { } problem)
            {
                blamed = i;
                return BindMessages.Problem(function, parameter, problem);
            }
        }
        blamed = -1;
        return null;
    }

    private static ArgProblem Blame(int index, int last, string problem, out int blamed)
    {
        blamed = index;
        return new ArgProblem(index == last ? "stop" : "start", problem);
    }
}
