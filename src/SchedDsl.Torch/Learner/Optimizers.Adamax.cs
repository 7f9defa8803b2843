using TorchSharp.Modules;

namespace SchedDsl.Torch;

public static partial class Optimizers
{
    /// <summary>
    /// Adamax (Adam with the infinity norm; fastai has none): the Adam defaults of <see cref="Adam"/> for
    /// <c>beta1</c>, <c>beta2</c>, <c>eps</c>.
    /// </summary>
    /// <remarks>Weight decay is an L2 term: TorchSharp's Adamax has no decoupled form.</remarks>
    /// <param name="beta1">The gradient average (fastai's <c>mom</c>), in [0, 1).</param>
    /// <param name="beta2">The decay of the infinity norm (fastai's <c>sqr_mom</c> slot), in [0, 1).</param>
    /// <param name="eps">The denominator epsilon, &gt;= 0.</param>
    public static OptimizerFactory Adamax(double beta1 = AdamBeta1, double beta2 = AdamBeta2, double eps = AdamEps)
    {
        Coefficient(nameof(beta1), beta1);
        Coefficient(nameof(beta2), beta2);
        NonNegative(nameof(eps), eps);
        return specs => new Adamax(
            Each(specs, s => new Adamax.ParamGroup(s.Parameters, new Adamax.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
            lr: FirstLr(specs), beta1: beta1, beta2: beta2, eps: eps);
    }
}
