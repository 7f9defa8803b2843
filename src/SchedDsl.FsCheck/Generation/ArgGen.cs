using FsCheck;
using FsCheck.Fluent;
using SchedDsl.Text;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// One argument per parameter, from the parameter's declared kind and rule alone, so that a function added to the
/// table is generated without code here. Values (learning rates, endpoints, momenta) come from the options' range;
/// other numbers from ranges where most calls are valid (cross-argument rules are left to construction).
/// </summary>
internal static class ArgGen
{
    /// <summary>
    /// Arguments for <paramref name="param"/>: null entries leave a defaulted parameter out. Null when the rule and the
    /// value range have nothing in common (e.g. <c>exp</c> when every value must be negative).
    /// </summary>
    /// <param name="param">The parameter.</param>
    /// <param name="options">The value range and the group count.</param>
    /// <param name="count">The length of every list in this call (pcts and scheds, boundaries and scales agree).</param>
    /// <param name="part">The generator of nested schedules, or null at the leaves.</param>
    public static Gen<object?>? For(ParamSpec param, SchedGenOptions options, int count, Gen<GenNode>? part)
    {
        var drawn = param.Kind switch
        {
            ParamKind.Hyper => ValueRange(options.Values, param.Rule) is { } range ? HyperIn(range, options.GroupCount) : null,
            ParamKind.Number or ParamKind.Integer => Number(param.Rule, options)?.Select(n => (object?)n),
            ParamKind.Numbers => Numbers(param.Rule, count)?.Select(n => (object?)n),
            ParamKind.Sched => Part(param, options, part),
            _ => part?.ArrayOf(count).Select(p => (object?)p),
        };
        return drawn is null || param.Default is null ? drawn : Gen.Frequency((1, Gen.Constant<object?>(null)), (2, drawn));
    }

    /// <summary>
    /// A nested schedule: from <paramref name="part"/>, or, where the parameter accepts only some functions (a
    /// warmup-stable-decay shape), a leaf call of one of them. Null at the leaves.
    /// </summary>
    private static Gen<object?>? Part(ParamSpec param, SchedGenOptions options, Gen<GenNode>? part)
    {
        if (part is null)
        {
            return null;
        }
        if (param.Accepts.Count == 0)
        {
            return part.Select(p => (object?)p);
        }
        // Leaf calls only: an accepted function that nests in turn would recurse here.
        var accepted = param.Accepts
            .Select(name => FunctionTable.All[name])
            .Where(spec => spec.Params.All(p => p.Kind is not (ParamKind.Sched or ParamKind.Scheds)))
            .Select(spec => CallGen.For(spec, options, null))
            .OfType<Gen<GenNode>>()
            .ToArray();
        return accepted.Length == 0 ? null : Gen.OneOf(accepted).Select(p => (object?)p);
    }

    /// <summary>Where a value under <paramref name="rule"/> may lie within <paramref name="values"/>; null when nowhere.</summary>
    private static (double Min, double Max)? ValueRange((double Min, double Max) values, Rule rule)
    {
        var (min, max) = rule switch
        {
            // A positive value stays within six decades of the top, as learning rates do.
            Rule.Positive or Rule.PositiveValue => (values.Min > 0 ? values.Min : values.Max * 1e-6, values.Max),
            Rule.NonNegative => (Math.Max(values.Min, 0), values.Max),
            Rule.Fraction => (Math.Max(values.Min, 0), Math.Min(values.Max, 1)),
            Rule.AtLeastOne => (Math.Max(values.Min, 1), values.Max),
            _ => values,
        };
        return min <= max && (rule is not (Rule.Positive or Rule.PositiveValue) || max > 0) ? (min, max) : null;
    }

    private static Gen<object?> HyperIn((double Min, double Max) range, int groupCount)
    {
        var number = NumberGen.In(range.Min, range.Max);
        var scalar = number.Select(n => (object?)Hyper.Scalar(n));
        if (groupCount < 2)
        {
            return scalar;
        }
        var forms = new List<(int, Gen<object?>)>
        {
            (6, scalar),
            (1, number.ArrayOf(groupCount).Select(n => (object?)Hyper.Of(n))),
            (1, number.Select(stop => (object?)Hyper.Slice(stop))),
            (1, number.Select(stop => (object?)Hyper.Slice(stop, SliceRule.FastaiV1))),
        };
        if (range.Max > 0)
        {
            // slice(start, stop) is geometric: both ends > 0, from the range's positive part.
            var positive = NumberGen.In(range.Min > 0 ? range.Min : range.Max * 1e-6, range.Max);
            forms.Add((1, positive.SelectMany(a => positive.Select(b => (object?)Hyper.Slice(Math.Min(a, b), Math.Max(a, b))))));
        }
        return Gen.Frequency([.. forms]);
    }

    private static Gen<double>? Number(Rule rule, SchedGenOptions options) => rule switch
    {
        // A value the schedule takes (a momentum, lr_finder's start_lr and end_lr) comes from the values' range.
        Rule.Finite or Rule.Value or Rule.PositiveValue => ValueRange(options.Values, rule) is { } range ? NumberGen.In(range.Min, range.Max) : null,
        // Divisors, powers, cycle counts and rates sit a decade or so either side of 1.
        Rule.Positive => NumberGen.In(1.0 / 16, 16),
        Rule.NonNegative => Gen.Frequency((1, Gen.Constant(0.0)), (4, NumberGen.In(0, 2))),
        Rule.Fraction => NumberGen.Fraction,
        _ => Gen.Choose(1, 6).Select(i => (double)i),
    };

    private static Gen<double[]>? Numbers(Rule rule, int count) => rule switch
    {
        // Shares summing to 1 (pcts) or ascending positions (milestones, boundaries): the two shapes lists of
        // fractions take in the table; construction rejects the one a function does not accept.
        Rule.Fraction or Rule.NonNegative => Gen.OneOf(NumberGen.Shares(count), NumberGen.SortedFractions(count)),
        // Factors (scales): at most 1, so that a product stays within the values' range more often than not.
        Rule.Finite => NumberGen.In(0.1, 1).ArrayOf(count),
        Rule.Positive or Rule.PositiveValue => NumberGen.In(1.0 / 16, 16).ArrayOf(count),
        _ => Gen.Choose(1, 6).Select(i => (double)i).ArrayOf(count),
    };
}
