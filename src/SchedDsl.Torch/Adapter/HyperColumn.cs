using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// Writes one hyper-parameter into every param group of one optimizer. The groups are cast once, here, to what carries
/// the value (the group's learning rate, its <c>IBetas</c> or <c>IMomentum</c>, or an option field), so a batch's
/// writes are one tight loop with no type tests: the per-group cost of a hand-written loop.
/// </summary>
internal abstract partial class HyperColumn
{
    /// <summary>The column for <paramref name="hyper"/>; the caller checked every group supports it.</summary>
    /// <param name="hyper">The hyper-parameter.</param>
    /// <param name="groups">The optimizer's param groups.</param>
    /// <param name="zeroed">Param groups that must hold 0 (weight decay on biases and normalisation), or null.</param>
    public static HyperColumn For(HyperParameter hyper, ParamGroup[] groups, bool[]? zeroed)
    {
        if (hyper == HyperParameter.LearningRate)
        {
            return new LearningRates(groups);
        }
        // The common optimizers' own group types first (no interface call per group), then the group's interface:
        // measured faster than a compiled field setter per group (docs/benchmarks.md).
        if (Typed(hyper, groups) is { } typed)
        {
            return typed;
        }
        if (hyper is HyperParameter.Momentum or HyperParameter.SquaredMomentum && All<IBetas>(groups) is { } betas)
        {
            return new Betas(betas, second: hyper == HyperParameter.SquaredMomentum);
        }
        if (hyper == HyperParameter.Momentum && All<IMomentum>(groups) is { } momenta)
        {
            return new Momenta(momenta);
        }
        var type = groups[0].Options.GetType();
        var field = hyper.OptionMembers().Select(name => OptionField.Find(type, name)).FirstOrDefault(f => f is not null)
            ?? throw new ArgumentException($"{groups[0].GetType().Name} has no {hyper.FastaiName()} option", nameof(hyper));
        return new Fields(field, [.. groups.Select(g => g.Options)], zeroed ?? new bool[groups.Length]);
    }

    /// <summary>
    /// The column of a hyper-parameter the optimizer cannot take: its schedule is evaluated and recorded, and nothing
    /// is written (fastai's rule: <c>RMSProp(mom=0)</c> records a <c>mom</c> schedule and ignores it).
    /// </summary>
    public static HyperColumn Unapplied { get; } = new Nowhere();

    /// <summary>Writes <paramref name="value"/> into every group.</summary>
    public abstract void Write(double value);

    /// <summary>Writes into param group <c>g</c> the value of its layer group, <c>row[layerOf[g]]</c>.</summary>
    public abstract void Write(ReadOnlySpan<double> row, LayerMap layerOf);

    /// <summary>Every item as <typeparamref name="T"/> (the groups, or their options), or null when one is not.</summary>
    private static T[]? All<T>(object[] items)
        where T : class
    {
        var typed = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is not T t)
            {
                return null;
            }
            typed[i] = t;
        }
        return typed;
    }

    private sealed class LearningRates(ParamGroup[] groups) : HyperColumn
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                group.LearningRate = value;
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g].LearningRate = row[layerOf[g]];
            }
        }
    }

    private sealed class Betas(IBetas[] groups, bool second) : HyperColumn
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                var (beta1, beta2) = group.Betas;
                group.Betas = second ? (beta1, value) : (value, beta2);
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var (beta1, beta2) = groups[g].Betas;
                groups[g].Betas = second ? (beta1, row[layerOf[g]]) : (row[layerOf[g]], beta2);
            }
        }
    }

    private sealed class Momenta(IMomentum[] groups) : HyperColumn
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                group.Momentum = value;
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g].Momentum = row[layerOf[g]];
            }
        }
    }

    private sealed class Fields(OptionField field, OptimizerOptions[] options, bool[] zeroed) : HyperColumn
    {
        public override void Write(double value)
        {
            for (var g = 0; g < options.Length; g++)
            {
                field.Set(options[g], zeroed[g] ? 0.0 : value);
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < options.Length; g++)
            {
                field.Set(options[g], zeroed[g] ? 0.0 : row[layerOf[g]]);
            }
        }
    }

    private sealed class Nowhere : HyperColumn
    {
        public override void Write(double value)
        {
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
        }
    }
}
