namespace SchedDsl;

/// <summary>
/// The one table of scheduled hyper-parameters: fastai's name (the text form, logs, checkpoints), the .NET name
/// (generated schedulers' properties and <c>HyperParameter</c>'s members, the same word) and the TorchSharp optimizer option members that carry the value, first match wins
/// (fastai's <c>OptimWrapper.pytorch_hp_map</c>: momentum and beta1 are <c>mom</c>, beta2 and alpha are
/// <c>sqr_mom</c>, weight_decay is <c>wd</c>). Compiled into SchedDsl.Torch (whose <c>HyperParameter</c> values are the
/// rows, in order) and into the source generator, so the runtime and generated code cannot disagree.
/// </summary>
internal static class HyperNameTable
{
    public static readonly (string Text, string Property, string[] Options)[] Rows =
    {
        ("lr", "LearningRate", new[] { "LearningRate", "lr", "learning_rate" }),
        ("mom", "Momentum", new[] { "momentum", "Momentum", "beta1", "Beta1" }),
        ("sqr_mom", "SquaredMomentum", new[] { "alpha", "Alpha", "beta2", "Beta2" }),
        ("wd", "WeightDecay", new[] { "weight_decay", "WeightDecay" }),
        ("eps", "Eps", new[] { "eps", "Eps", "epsilon", "Epsilon" }),
    };
}
