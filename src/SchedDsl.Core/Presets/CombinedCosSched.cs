using SchedDsl.Collections;
using SchedDsl.Text;

namespace SchedDsl;

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

    internal override Sched Resolve(int group, int groupCount) =>
        new CombinedCosSched(Pct, Start.ForGroup(group, groupCount), Middle.ForGroup(group, groupCount), End.ForGroup(group, groupCount));
}
