using SchedDsl.Generation;
using TorchSharp.Modules;

namespace GeneratorSample;

/// <summary>
/// The whole declaration: the generator reads SGD's per-group options from TorchSharp's metadata and adds
/// Lr, Mom, Dampening and Wd, a typed At(pos), Validate, ToText and Bind(SGD).
/// </summary>
[OptimizerScheduler(typeof(SGD))]
public sealed partial class SgdSchedule;
