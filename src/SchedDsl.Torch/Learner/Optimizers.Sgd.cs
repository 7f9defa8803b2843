using TorchSharp.Modules;

namespace SchedDsl.Torch;

public static partial class Optimizers
{
    /// <summary>
    /// SGD (fastai's <c>SGD</c>): <c>mom = 0</c> by default, as in fastai. Pass <paramref name="momentum"/> &gt; 0
    /// for momentum SGD; only then does a momentum schedule (<c>FitOneCycle</c>'s <c>moms</c>) drive it.
    /// </summary>
    /// <remarks>
    /// Weight decay is TorchSharp's L2 term (<c>grad += wd * p</c>), where fastai decouples it. Without momentum the two
    /// are the same update; with momentum the L2 term also enters the momentum buffer.
    /// </remarks>
    /// <param name="momentum">Momentum (fastai's <c>mom</c>), in [0, 1).</param>
    public static OptimizerFactory Sgd(double momentum = 0)
    {
        Coefficient(nameof(momentum), momentum);
        return specs => new SGD(
            Each(specs, s => new SGD.ParamGroup(s.Parameters, new SGD.Options { LearningRate = s.LearningRate, weight_decay = s.WeightDecay })),
            lr: FirstLr(specs), momentum: momentum);
    }
}
