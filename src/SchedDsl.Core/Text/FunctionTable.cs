#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Every function the text form knows, with fastai's parameter names and defaults. Other files add families
/// through the partial <c>Add…</c> methods (see docs/text-form.md, "Adding a function").
/// </summary>
public static partial class FunctionTable
{
    private static readonly Dictionary<string, FunctionSpec> Functions = Build();

    /// <summary>Every known function by name.</summary>
    public static IReadOnlyDictionary<string, FunctionSpec> All => Functions;

    /// <summary>The spec of a custom annealer (two endpoints, like <c>lin</c>).</summary>
    public static FunctionSpec CustomAnnealer(string name) => Annealer(name, null, Rule.Finite);

    private static FunctionSpec Annealer(string name, string? factory, Rule rule) =>
        new(name, factory, new[]
        {
            new ParamSpec("start", "start", ParamKind.Hyper, rule),
            new ParamSpec("end", "end", ParamKind.Hyper, rule),
        });

    private static Dictionary<string, FunctionSpec> Build()
    {
        var specs = new List<FunctionSpec>
        {
            Annealer("lin", "Lin", Rule.Finite),
            Annealer("cos", "Cos", Rule.Finite),
            Annealer("no", "No", Rule.Finite),
            Annealer("exp", "Exp", Rule.Positive),
            new("poly", "Poly", new[]
            {
                new ParamSpec("start", "start", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("end", "end", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("power", "power", ParamKind.Number, Rule.Positive),
            }),
            new("combine", "Combine", new[]
            {
                new ParamSpec("pcts", "pcts", ParamKind.Numbers, Rule.NonNegative),
                new ParamSpec("scheds", "scheds", ParamKind.Scheds, Rule.Finite),
            }),
            new("combined_cos", "CombinedCos", new[]
            {
                new ParamSpec("pct", "pct", ParamKind.Number, Rule.Fraction),
                new ParamSpec("start", "start", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("middle", "middle", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("end", "end", ParamKind.Hyper, Rule.Finite),
            }),
            new("one_cycle", "OneCycle", new[]
            {
                new ParamSpec("lr_max", "lrMax", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("div", "div", ParamKind.Number, Rule.Positive, 25),
                new ParamSpec("div_final", "divFinal", ParamKind.Number, Rule.Positive, 1e5),
                new ParamSpec("pct_start", "pctStart", ParamKind.Number, Rule.Fraction, 0.25),
            }),
            new("flat_cos", "FlatCos", new[]
            {
                new ParamSpec("lr", "lr", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("div_final", "divFinal", ParamKind.Number, Rule.Positive, 1e5),
                new ParamSpec("pct_start", "pctStart", ParamKind.Number, Rule.Fraction, 0.75),
            }),
            new("sgdr", "Sgdr", new[]
            {
                new ParamSpec("lr_max", "lrMax", ParamKind.Hyper, Rule.Finite),
                new ParamSpec("n_cycles", "nCycles", ParamKind.Integer, Rule.AtLeastOne),
                new ParamSpec("cycle_len", "cycleLen", ParamKind.Number, Rule.Positive, 1),
                new ParamSpec("cycle_mult", "cycleMult", ParamKind.Number, Rule.Positive, 2),
            }),
            new("lr_finder", "LrFinder", new[]
            {
                new ParamSpec("start_lr", "startLr", ParamKind.Number, Rule.Positive, 1e-7),
                new ParamSpec("end_lr", "endLr", ParamKind.Number, Rule.Positive, 10),
            }),
        };
        AddZooFunctions(specs);
        var byName = new Dictionary<string, FunctionSpec>();
        foreach (var spec in specs)
        {
            byName[spec.Name] = spec;
        }
        return byName;
    }

    /// <summary>The schedule zoo's functions (warmup_cosine, wsd, cyclic, …), added in their own file.</summary>
    static partial void AddZooFunctions(List<FunctionSpec> specs);
}
