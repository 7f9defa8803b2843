using TorchSharp.Modules;

namespace SchedDsl.Torch;

public static partial class Optimizers
{
    /// <summary>
    /// RMSprop with fastai's <c>RMSProp</c> defaults: <c>mom = 0</c>, <c>sqr_mom = 0.99</c> (<c>alpha</c>),
    /// <c>eps = 1e-8</c>. Created without momentum, a momentum schedule leaves it without momentum, as fastai's
    /// <c>RMSProp(mom=0)</c> ignores one; pass <paramref name="momentum"/> &gt; 0 to have momentum and schedule it.
    /// </summary>
    /// <remarks>
    /// Weight decay is TorchSharp's L2 term (<c>grad += wd * p</c>, then divided by the RMS like the gradient), where
    /// fastai decouples it. TorchSharp's RMSprop has no decoupled form; use <see cref="Adam"/> for decoupled decay, or
    /// set <see cref="Learner.WeightDecay"/> to 0.
    /// </remarks>
    /// <param name="momentum">Momentum (fastai's <c>mom</c>), in [0, 1).</param>
    /// <param name="alpha">The squared-gradient average (fastai's <c>sqr_mom</c>), in [0, 1).</param>
    /// <param name="eps">The denominator epsilon, &gt;= 0.</param>
    public static OptimizerFactory RmsProp(double momentum = 0, double alpha = RmsPropAlpha, double eps = RmsPropEps)
    {
        Coefficient(nameof(momentum), momentum);
        Coefficient(nameof(alpha), alpha);
        NonNegative(nameof(eps), eps);
        return specs => new RMSProp(
            Each(specs, s => new RMSProp.ParamGroup(s.Parameters, new RMSProp.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
            lr: FirstLr(specs), alpha: alpha, eps: eps, momentum: momentum);
    }
}
