namespace SchedDsl.Torch;

/// <summary>
/// A hyper-parameter that a <see cref="ScheduleRunner"/> can write into a TorchSharp optimizer's param groups. The
/// values are the rows of the name table shared with the source generator, in order; do not reorder them.
/// fastai's names are in brackets.
/// </summary>
public enum HyperParameter
{
    /// <summary>The learning rate (<c>lr</c>): every optimizer's <c>ILearningRateController.LearningRate</c>.</summary>
    LearningRate,

    /// <summary>
    /// Momentum (<c>mom</c>): SGD's and RMSprop's <c>momentum</c>, Adam's and AdamW's <c>beta1</c>.
    /// </summary>
    Momentum,

    /// <summary>The squared-gradient average (<c>sqr_mom</c>): Adam's and AdamW's <c>beta2</c>, RMSprop's <c>alpha</c>.</summary>
    SquaredMomentum,

    /// <summary>Weight decay (<c>wd</c>): the group option <c>weight_decay</c>.</summary>
    WeightDecay,

    /// <summary>The denominator epsilon (<c>eps</c>): the group option <c>eps</c>.</summary>
    Eps,
}
