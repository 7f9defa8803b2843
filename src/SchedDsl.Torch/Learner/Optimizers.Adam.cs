using TorchSharp.Modules;

namespace SchedDsl.Torch;

public static partial class Optimizers
{
    /// <summary>
    /// Adam with fastai's <c>Adam</c> defaults: <c>mom = 0.9</c> (<c>beta1</c>), <c>sqr_mom = 0.99</c>
    /// (<c>beta2</c>), <c>eps = 1e-5</c>, and weight decay decoupled as in fastai: this builds TorchSharp's
    /// <c>AdamW</c>. Pass <paramref name="decoupledWeightDecay"/> false for TorchSharp's <c>Adam</c>, whose weight
    /// decay is an L2 term added to the gradient (and so scaled by Adam's per-parameter step).
    /// </summary>
    /// <param name="beta1">The gradient average (fastai's <c>mom</c>), in [0, 1).</param>
    /// <param name="beta2">The squared-gradient average (fastai's <c>sqr_mom</c>), in [0, 1).</param>
    /// <param name="eps">The denominator epsilon, &gt;= 0.</param>
    /// <param name="decoupledWeightDecay">True (fastai's <c>decouple_wd=True</c>): <c>p *= 1 - lr * wd</c> each step; false: L2.</param>
    public static OptimizerFactory Adam(double beta1 = AdamBeta1, double beta2 = AdamBeta2, double eps = AdamEps, bool decoupledWeightDecay = true)
    {
        Coefficient(nameof(beta1), beta1);
        Coefficient(nameof(beta2), beta2);
        NonNegative(nameof(eps), eps);
        if (decoupledWeightDecay)
        {
            return specs => new AdamW(
                Each(specs, s => new AdamW.ParamGroup(s.Parameters, new AdamW.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
                lr: FirstLr(specs), beta1: beta1, beta2: beta2, eps: eps);
        }
        return specs => new Adam(
            Each(specs, s => new Adam.ParamGroup(s.Parameters, new Adam.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
            lr: FirstLr(specs), beta1: beta1, beta2: beta2, eps: eps);
    }

    /// <summary>
    /// AdamW: the same as <see cref="Adam"/> with decoupled weight decay (its default), under PyTorch's name. The default
    /// optimizer of every <see cref="Learner"/>.
    /// </summary>
    /// <param name="beta1">The gradient average (fastai's <c>mom</c>), in [0, 1).</param>
    /// <param name="beta2">The squared-gradient average (fastai's <c>sqr_mom</c>), in [0, 1).</param>
    /// <param name="eps">The denominator epsilon, &gt;= 0.</param>
    public static OptimizerFactory AdamW(double beta1 = AdamBeta1, double beta2 = AdamBeta2, double eps = AdamEps) =>
        Adam(beta1, beta2, eps, decoupledWeightDecay: true);
}
