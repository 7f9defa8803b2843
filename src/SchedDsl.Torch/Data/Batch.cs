using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>One mini-batch: model input and target.</summary>
/// <param name="Input">The model's input.</param>
/// <param name="Target">What the loss compares the prediction with.</param>
public readonly record struct Batch(Tensor Input, Tensor Target);
