using TorchSharp.Modules;

namespace SchedDsl.Torch;

public static partial class Optimizers
{
    /// <summary>
    /// NAdam (Adam with Nesterov momentum; fastai has none): the Adam defaults of <see cref="Adam"/> for
    /// <c>beta1</c>, <c>beta2</c>, <c>eps</c>, so switching between them changes one thing; TorchSharp's
    /// <c>momentum_decay</c> 0.004.
    /// </summary>
    /// <remarks>Weight decay is an L2 term: TorchSharp's NAdam has no decoupled form.</remarks>
    /// <param name="beta1">The gradient average (fastai's <c>mom</c>), in [0, 1).</param>
    /// <param name="beta2">The squared-gradient average (fastai's <c>sqr_mom</c>), in [0, 1).</param>
    /// <param name="eps">The denominator epsilon, &gt;= 0.</param>
    /// <param name="momentumDecay">NAdam's momentum decay <c>psi</c>, &gt;= 0.</param>
    public static OptimizerFactory NAdam(double beta1 = AdamBeta1, double beta2 = AdamBeta2, double eps = AdamEps, double momentumDecay = 4e-3)
    {
        Coefficient(nameof(beta1), beta1);
        Coefficient(nameof(beta2), beta2);
        NonNegative(nameof(eps), eps);
        NonNegative(nameof(momentumDecay), momentumDecay);
        return specs => new NAdam(
            Each(specs, s => new NAdam.ParamGroup(s.Parameters, new NAdam.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
            lr: FirstLr(specs), beta1: beta1, beta2: beta2, eps: eps, momentum_decay: momentumDecay);
    }
}
