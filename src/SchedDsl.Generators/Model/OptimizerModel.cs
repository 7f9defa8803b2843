namespace SchedDsl.Generators.Model;

/// <summary>How a generated applier reaches an optimizer's per-group options; all names fully qualified.</summary>
/// <param name="OptimizerType">The optimizer (<c>global::TorchSharp.Modules.SGD</c>).</param>
/// <param name="DisplayName">Its short name for messages and docs (<c>SGD</c>).</param>
/// <param name="GroupType">The type each element of <c>ParamGroups</c> is cast to before reading <c>Options</c>.</param>
/// <param name="OptionsType">The options type whose members are written (<c>global::TorchSharp.Modules.SGD.Options</c>).</param>
/// <param name="OptionsNeedsCast">True when <c>GroupType.Options</c> is declared as a base of <paramref name="OptionsType"/>.</param>
internal sealed record OptimizerModel(string OptimizerType, string DisplayName, string GroupType, string OptionsType, bool OptionsNeedsCast);
