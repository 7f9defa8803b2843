using SchedDsl.Generation;
using TorchSharp.Modules;

namespace GeneratorSample;

/// <summary>
/// The whole declaration: the generator reads SGD's per-group options from TorchSharp's metadata and adds
/// LearningRate, Momentum, Dampening and WeightDecay, a typed At(pos), Validate, ToText and Bind(SGD).
/// </summary>
[OptimizerScheduler(typeof(SGD))]
public sealed partial class SgdSchedule;

/// <summary>
/// Schedules written as text: the compiler parses and range-checks each string (a typo or an out-of-range value is
/// error SDSL004 at the string) and the generator implements the property with direct factory calls.
/// </summary>
public static partial class Recipes
{
    /// <summary>fastai's one-cycle policy peaking at 0.1.</summary>
    [SchedText("one_cycle(0.1)")]
    public static partial SchedDsl.Sched LearningRate { get; }
}
