using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// What one TorchSharp param group can take and currently holds, read through the group itself (never the
/// optimizer-wide <c>IMomentum</c>/<c>IBetas</c>, which TorchSharp applies to every group at once). Writing is
/// <see cref="HyperColumn"/>'s job.
/// </summary>
internal sealed class GroupCapabilities
{
    private readonly ParamGroup _group;
    private readonly IBetas? _betas;
    private readonly IMomentum? _momentum;
    private readonly OptionField? _momentumField;
    private readonly OptionField? _alphaField;
    private readonly OptionField? _weightDecayField;
    private readonly OptionField? _epsField;

    public GroupCapabilities(ParamGroup group)
    {
        _group = group;
        // Cast once: a write per batch per group must not pay for type tests.
        _betas = group as IBetas;
        _momentum = group as IMomentum;
        var optionsType = group.Options?.GetType()
            ?? throw new ArgumentException("the optimizer has a param group without options; create it through a TorchSharp optimizer", nameof(group));
        _momentumField = Field(optionsType, HyperParameter.Momentum);
        _alphaField = Field(optionsType, HyperParameter.SquaredMomentum);
        _weightDecayField = Field(optionsType, HyperParameter.WeightDecay);
        _epsField = Field(optionsType, HyperParameter.Eps);
    }

    /// <summary>The first option field of <paramref name="optionsType"/> named in the shared table for <paramref name="hyper"/>.</summary>
    private static OptionField? Field(Type optionsType, HyperParameter hyper) =>
        hyper.OptionMembers().Select(name => OptionField.Find(optionsType, name)).FirstOrDefault(f => f is not null);

    /// <summary>One per param group of <paramref name="optimizer"/>, in order.</summary>
    /// <exception cref="ArgumentException">The optimizer has no param groups, or one that is not a TorchSharp <c>ParamGroup</c>.</exception>
    public static GroupCapabilities[] ForEachGroup(Optimizer optimizer)
    {
        var writers = optimizer.ParamGroups.Select(g => new GroupCapabilities(g as ParamGroup
            ?? throw new ArgumentException($"{optimizer.GetType().Name} exposes a param group of type {g.GetType().Name}, not a TorchSharp ParamGroup", nameof(optimizer)))).ToArray();
        return writers.Length > 0 ? writers : throw new ArgumentException($"{optimizer.GetType().Name} has no param groups", nameof(optimizer));
    }

    /// <summary>True when this group can take a <paramref name="hyper"/> schedule.</summary>
    public bool Supports(HyperParameter hyper) => WhyUnsupported(hyper) is null;

    /// <summary>
    /// Null when this group can take a <paramref name="hyper"/> schedule, else why not. Momentum is scheduled only on
    /// optimizers that have it from creation (Adam-family beta1 always; SGD and RMSprop only when created with momentum
    /// &gt; 0): TorchSharp would otherwise switch momentum on mid-run, which fastai never does (its <c>RMSProp(mom=0)</c>
    /// ignores a momentum schedule).
    /// </summary>
    public string? WhyUnsupported(HyperParameter hyper) => hyper switch
    {
        HyperParameter.LearningRate => null,
        HyperParameter.Momentum when _betas is not null => null,
        HyperParameter.Momentum when _momentum is not null || _momentumField is not null =>
            Read(HyperParameter.Momentum) > 0 ? null : "it was created without momentum (momentum = 0); create it with momentum > 0 to schedule it",
        HyperParameter.SquaredMomentum when _betas is not null || _alphaField is not null => null,
        HyperParameter.WeightDecay when _weightDecayField is not null => null,
        HyperParameter.Eps when _epsField is not null => null,
        _ => $"it has no {hyper.FastaiName()} option",
    };

    /// <summary>Reads the group's current value of <paramref name="hyper"/>.</summary>
    public double Read(HyperParameter hyper) => hyper switch
    {
        HyperParameter.LearningRate => _group.LearningRate,
        HyperParameter.Momentum => _group switch
        {
            IMomentum m => m.Momentum,
            IBetas b => b.Betas.Item1,
            _ => _momentumField!.Get(_group.Options) ?? double.NaN,
        },
        HyperParameter.SquaredMomentum => _group is IBetas b2 ? b2.Betas.Item2 : _alphaField!.Get(_group.Options) ?? double.NaN,
        HyperParameter.WeightDecay => _weightDecayField!.Get(_group.Options) ?? double.NaN,
        HyperParameter.Eps => _epsField!.Get(_group.Options) ?? double.NaN,
        _ => double.NaN,
    };
}
