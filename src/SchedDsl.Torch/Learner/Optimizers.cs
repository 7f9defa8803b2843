namespace SchedDsl.Torch;

/// <summary>
/// <see cref="OptimizerFactory"/> presets for TorchSharp's optimizers, with fastai's defaults where fastai has the
/// optimizer (TorchSharp's own defaults differ: its AdamW has no weight decay, its Adam's <c>beta2</c> is 0.999).
/// </summary>
/// <remarks>
/// Pass one to <see cref="Learner.OptimizerFactory"/>, or call it on your own <see cref="ParamGroupSpec"/> list. The
/// learner passes its <see cref="Learner.WeightDecay"/> per group; whether that weight decay is decoupled (fastai's default) or
/// an L2 term depends on the optimizer: see each factory and docs/training.md, section "Optimizers". Arguments are
/// checked when the factory is called, not when the optimizer is built. Factories are immutable and thread-safe; the
/// optimizers they build are not.
/// </remarks>
public static partial class Optimizers
{
    // fastai's values (fastai 2.7 optimizer.py), stated once: Adam's mom/sqr_mom/eps and RMSProp's sqr_mom/eps.
    private const double AdamBeta1 = 0.9;
    private const double AdamBeta2 = 0.99;
    private const double AdamEps = 1e-5;
    private const double RmsPropAlpha = 0.99;
    private const double RmsPropEps = 1e-8;

    /// <summary>One TorchSharp param group per spec, in order (the learner checks the count).</summary>
    private static T[] Each<T>(IReadOnlyList<ParamGroupSpec> specs, Func<ParamGroupSpec, T> group)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0)
        {
            throw new ArgumentException("an optimizer needs at least one param group", nameof(specs));
        }
        var groups = new T[specs.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = group(specs[i]);
        }
        return groups;
    }

    private static double FirstLr(IReadOnlyList<ParamGroupSpec> specs) => specs[0].LearningRate;

    /// <summary>A coefficient in [0, 1): momentum, <c>beta1</c>, <c>beta2</c>, <c>alpha</c>.</summary>
    private static double Coefficient(string name, double value) =>
        value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1), got {value}");

    private static double NonNegative(string name, double value) =>
        value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0, got {value}");
}
