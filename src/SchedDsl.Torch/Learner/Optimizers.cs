using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// <see cref="OptimizerFactory"/> presets with fastai's defaults. TorchSharp's own defaults differ (its AdamW has no
/// weight decay by default); the learner passes its <see cref="Learner.Wd"/> per group.
/// </summary>
public static class Optimizers
{
    /// <summary>
    /// AdamW with decoupled weight decay, fastai's <c>Adam</c> defaults: <c>mom=0.9</c> (beta1), <c>sqr_mom=0.99</c>
    /// (beta2), <c>eps=1e-5</c>. The default optimizer of every <see cref="Learner"/>.
    /// </summary>
    public static OptimizerFactory AdamW(double beta1 = 0.9, double beta2 = 0.99, double eps = 1e-5) =>
        groups => new AdamW(
            groups.Select(g => new AdamW.ParamGroup(g.Parameters, new AdamW.Options
            {
                LearningRate = g.LearningRate,
                InitialLearningRate = g.LearningRate,
                weight_decay = g.WeightDecay,
            })).ToArray(),
            lr: First(groups).LearningRate, beta1: beta1, beta2: beta2, eps: eps);

    /// <summary>SGD (fastai's <c>SGD</c>: <c>mom=0</c> by default). TorchSharp's SGD weight decay is an L2 term, not decoupled.</summary>
    public static OptimizerFactory Sgd(double momentum = 0) =>
        groups => new SGD(
            groups.Select(g => new SGD.ParamGroup(g.Parameters, new SGD.Options
            {
                LearningRate = g.LearningRate,
                InitialLearningRate = g.LearningRate,
                weight_decay = g.WeightDecay,
            })).ToArray(),
            lr: First(groups).LearningRate, momentum: momentum);

    private static ParamGroupSpec First(IReadOnlyList<ParamGroupSpec> groups) =>
        groups.Count > 0 ? groups[0] : throw new ArgumentException("an optimizer needs at least one param group", nameof(groups));
}
