#nullable enable
namespace SchedDsl.Text;

/// <summary>fastai's annealers, <c>SchedPoly</c>, and the shape of a user's annealer (<c>Sched.Annealer</c>).</summary>
internal static class AnnealerFunctions
{
    public static readonly FunctionSpec Lin = Annealer("lin", "Lin", "fastai `SchedLin`: linear from start to end", Rule.Value);
    public static readonly FunctionSpec Cos = Annealer("cos", "Cos", "fastai `SchedCos`: half a cosine from start to end", Rule.Value);
    public static readonly FunctionSpec No = Annealer("no", "No", "fastai `SchedNo`: constant at start (end is ignored)", Rule.Finite);
    public static readonly FunctionSpec Exp = Annealer("exp", "Exp", "fastai `SchedExp`: geometric from start to end", Rule.PositiveValue);

    public static readonly FunctionSpec Poly = new(
        "poly", "Poly", "fastai `SchedPoly`: start + (end - start) * pos^power",
        [ParamSpec.Hyper("start"), ParamSpec.Hyper("end"), ParamSpec.Number("power", Rule.Positive)]);

    /// <summary>The spec of a custom annealer: two finite endpoints, like <c>lin</c>; its values are its own.</summary>
    public static FunctionSpec Custom(string name) => Annealer(name, null, "a user's annealer", Rule.Finite);

    private static FunctionSpec Annealer(string name, string? factory, string summary, Rule rule) =>
        new(name, factory, summary, [ParamSpec.Hyper("start", rule), ParamSpec.Hyper("end", rule)]);
}
