using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>One TorchSharp param group the <see cref="Learner"/> asks an <see cref="OptimizerFactory"/> to create.</summary>
/// <param name="Parameters">The group's parameters.</param>
/// <param name="LearningRate">The initial learning rate (the schedules overwrite it every batch).</param>
/// <param name="WeightDecay">The weight decay; 0 for biases and normalisation parameters unless <see cref="Learner.DecayNormsAndBiases"/>.</param>
public sealed record ParamGroupSpec(IReadOnlyList<Parameter> Parameters, double LearningRate, double WeightDecay);

/// <summary>Creates the optimizer over the learner's param groups (fastai's <c>opt_func</c>).</summary>
/// <param name="groups">The param groups, in layer-group order.</param>
public delegate TorchSharp.torch.optim.Optimizer OptimizerFactory(IReadOnlyList<ParamGroupSpec> groups);
