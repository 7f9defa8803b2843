#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class CombineFunctions
{
    public static readonly FunctionSpec CombinedCos = new(
        "combined_cos", "CombinedCos", "fastai `combined_cos`: cosine start → middle over pct, then middle → end",
        [ParamSpec.Number("pct", Rule.Fraction), ParamSpec.Hyper("start"), ParamSpec.Hyper("middle"), ParamSpec.Hyper("end")]);
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// fastai's <c>combined_cos(pct, start, middle, end)</c>: cosine from <paramref name="start"/> to
    /// <paramref name="middle"/> over the first <paramref name="pct"/> of training, then to <paramref name="end"/>.
    /// Text: <c>combined_cos(pct, start, middle, end)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException"><paramref name="pct"/> outside [0, 1], or a non-finite value.</exception>
    public static Sched CombinedCos(double pct, Hyper start, Hyper middle, Hyper end)
    {
        Declared.Check(CombineFunctions.CombinedCos, pct, start, middle, end);
        return new CombinedCosSched(pct, start, middle, end);
    }
}

/// <summary>fastai's <c>combined_cos(pct, start, middle, end)</c>: cosine start→middle over <c>pct</c>, then middle→end.</summary>
internal sealed record CombinedCosSched(double Pct, Hyper Start, Hyper Middle, Hyper End)
    : Preset(Expand(Pct, Start, Middle, End))
{
    public override FunctionSpec Function => CombineFunctions.CombinedCos;

    internal override object[] Arguments => [Pct, Start, Middle, End];

    internal static Sched Expand(double pct, Hyper start, Hyper middle, Hyper end) =>
        new CombineSched(
            ValueArray<double>.Own([pct, 1 - pct]),
            ValueArray<Sched>.Own([new AnnealSched(AnnealerFactory.CosFactory, start, middle), new AnnealSched(AnnealerFactory.CosFactory, middle, end)]));
}
#endif
