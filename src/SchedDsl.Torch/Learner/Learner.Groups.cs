using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// Freezes every layer group but the last (fastai's <c>freeze</c>): their parameters stop requiring gradients,
    /// except normalisation parameters while <see cref="TrainNormsWhenFrozen"/>.
    /// </summary>
    public void Freeze() => FreezeTo(-1);

    /// <summary>Makes every parameter trainable again (fastai's <c>unfreeze</c>).</summary>
    public void Unfreeze() => FreezeTo(0);

    /// <summary>Freezes layer groups before <paramref name="n"/> (negative counts from the end, as fastai's <c>freeze_to</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> outside [-groups, groups].</exception>
    public void FreezeTo(int n)
    {
        var groups = _layerGroups ?? Split();
        if (n < -groups.Count || n > groups.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be in [{-groups.Count}, {groups.Count}] for {groups.Count} layer groups, got {n}");
        }
        var frozenCount = n < 0 ? groups.Count + n : n;
        var norms = NormParameters();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var p in groups[g])
            {
                var trainable = g >= frozenCount || (TrainNormsWhenFrozen && norms.Contains(p.Handle));
                p.requires_grad = trainable;
                if (!trainable && p.grad is not null)
                {
                    // A zeroed gradient is still a gradient: TorchSharp's optimizers would keep applying momentum and weight decay.
                    p.grad = null;
                }
            }
        }
    }

    private IReadOnlyList<IReadOnlyList<Parameter>> Split()
    {
        var groups = Splitter(Model);
        if (groups.Count == 0)
        {
            throw new InvalidOperationException("the splitter returned no layer groups");
        }
        for (var g = 0; g < groups.Count; g++)
        {
            if (groups[g].Count == 0)
            {
                throw new InvalidOperationException($"the splitter returned an empty layer group {g} of {groups.Count}");
            }
        }
        return groups;
    }

    private HashSet<IntPtr> NormParameters()
    {
        var set = new HashSet<IntPtr>();
        foreach (var (_, module) in Model.named_modules())
        {
            var name = module.GetType().Name;
            if (name.StartsWith("BatchNorm", StringComparison.Ordinal) || name.StartsWith("InstanceNorm", StringComparison.Ordinal)
                || name.StartsWith("LayerNorm", StringComparison.Ordinal) || name.StartsWith("GroupNorm", StringComparison.Ordinal))
            {
                foreach (var p in module.parameters(recurse: false))
                {
                    set.Add(p.Handle);
                }
            }
        }
        return set;
    }

    private (Optimizer, GroupLayout, IReadOnlyList<IReadOnlyList<Parameter>>) BuildOptimizer()
    {
        var groups = Split();
        var noDecay = DecayNormsAndBiases ? [] : NormParameters();
        if (!DecayNormsAndBiases)
        {
            foreach (var (name, p) in Model.named_parameters())
            {
                if (name == "bias" || name.EndsWith(".bias", StringComparison.Ordinal))
                {
                    noDecay.Add(p.Handle);
                }
            }
        }
        var lrs = Lr.ForGroups(groups.Count);
        var specs = new List<ParamGroupSpec>();
        var layerOf = new List<int>();
        var off = new List<bool>();
        for (var g = 0; g < groups.Count; g++)
        {
            var decay = groups[g].Where(p => !noDecay.Contains(p.Handle)).ToList();
            var plain = groups[g].Where(p => noDecay.Contains(p.Handle)).ToList();
            if (decay.Count > 0)
            {
                specs.Add(new ParamGroupSpec(decay, lrs[g], WeightDecay));
                layerOf.Add(g);
                off.Add(false);
            }
            if (plain.Count > 0)
            {
                specs.Add(new ParamGroupSpec(plain, lrs[g], 0));
                layerOf.Add(g);
                off.Add(true);
            }
        }
        var optimizer = OptimizerFactory(specs);
        var count = optimizer.ParamGroups.Count();
        if (count != specs.Count)
        {
            optimizer.Dispose();
            throw new InvalidOperationException($"the optimizer factory made {count} param groups from {specs.Count} specs; it must keep one per spec, in order");
        }
        return (optimizer, new GroupLayout(groups.Count, [.. layerOf], [.. off]), groups);
    }

    /// <summary>Checks <paramref name="weightDecay"/> for <paramref name="optimizer"/> and returns it, or null when the optimizer has none (and it is 0).</summary>
    private static double? CheckWeightDecay(Optimizer optimizer, double weightDecay)
    {
        if (!(weightDecay >= 0 && double.IsFinite(weightDecay)))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, $"weightDecay must be a finite number >= 0, got {weightDecay}");
        }
        if (!GroupCapabilities.ForEachGroup(optimizer).All(w => w.Supports(HyperParameter.WeightDecay)))
        {
            return weightDecay == 0
                ? null
                : throw new ArgumentException($"{optimizer.GetType().Name} has no weight decay; pass weightDecay: 0", nameof(weightDecay));
        }
        return weightDecay;
    }

    /// <summary>Writes a weight decay <see cref="CheckWeightDecay"/> returned (nothing for null).</summary>
    private static void SetWeightDecay(Optimizer optimizer, GroupLayout layout, double? weightDecay)
    {
        if (weightDecay is { } value)
        {
            HyperColumn.For(HyperParameter.WeightDecay, [.. optimizer.ParamGroups.Cast<ParamGroup>()], layout.NoWeightDecayOfEachGroup).Write(value);
        }
    }
}
