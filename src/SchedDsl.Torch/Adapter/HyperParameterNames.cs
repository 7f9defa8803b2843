namespace SchedDsl.Torch;

/// <summary>fastai's short names for <see cref="HyperParameter"/> values (<c>lr</c>, <c>mom</c>, <c>sqr_mom</c>, <c>wd</c>, <c>eps</c>).</summary>
public static class HyperParameterNames
{
    /// <summary>fastai's name for <paramref name="hyper"/>, as used in plots, tables and messages.</summary>
    public static string FastaiName(this HyperParameter hyper) => hyper switch
    {
        HyperParameter.LearningRate => "lr",
        HyperParameter.Momentum => "mom",
        HyperParameter.SquaredMomentum => "sqr_mom",
        HyperParameter.WeightDecay => "wd",
        HyperParameter.Eps => "eps",
        _ => throw new ArgumentOutOfRangeException(nameof(hyper), hyper, $"hyper must be a defined HyperParameter, got {hyper}"),
    };
}
