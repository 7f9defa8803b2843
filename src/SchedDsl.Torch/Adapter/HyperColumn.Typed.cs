using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// Momentum columns for SGD, Adam and AdamW groups, written through the sealed-in-practice group types rather than
/// <c>IMomentum</c>/<c>IBetas</c>: the write a hand-written loop makes, with no interface call per group. For the betas
/// only the scheduled one is written: the other keeps its value, as when the pair is read back and written whole.
/// </summary>
internal abstract partial class HyperColumn
{
    /// <summary>
    /// A momentum column that can also write the learning rate in the same pass over the groups: what a hand loop does,
    /// one visit per group instead of one per hyper-parameter (measured: the second pass cost about as much as both
    /// writes together at 100 groups).
    /// </summary>
    internal abstract class TypedMomentum : HyperColumn
    {
        /// <summary>Writes <c>lr[layerOf[g]]</c> and <c>row[layerOf[g]]</c> into each param group <c>g</c>.</summary>
        public abstract void WriteWithLearningRate(double[] lr, double[] row, int[] layerOf);
    }

    private static HyperColumn? Typed(HyperParameter hyper, ParamGroup[] groups)
    {
        var second = hyper == HyperParameter.SquaredMomentum;
        if (hyper != HyperParameter.Momentum && !second)
        {
            return null;
        }
        if (!second && All<SGD.ParamGroup>(groups) is { } sgd)
        {
            return new SgdMomenta(sgd);
        }
        if (All<AdamW.ParamGroup>(groups) is { } adamW)
        {
            return new AdamWBetas(adamW, second);
        }
        return All<Adam.ParamGroup>(groups) is { } adam ? new AdamBetas(adam, second) : null;
    }

    private sealed class SgdMomenta(SGD.ParamGroup[] groups) : TypedMomentum
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                group.Momentum = value;
            }
        }

        public override void Write(double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g].Momentum = row[layerOf[g]];
            }
        }

        public override void WriteWithLearningRate(double[] lr, double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                group.Momentum = row[layer];
            }
        }
    }

    private sealed class AdamWBetas(AdamW.ParamGroup[] groups, bool second) : TypedMomentum
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                Set(group.Options, value);
            }
        }

        public override void Write(double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                Set(groups[g].Options, row[layerOf[g]]);
            }
        }

        public override void WriteWithLearningRate(double[] lr, double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                Set(group.Options, row[layer]);
            }
        }

        private void Set(AdamW.Options options, double value)
        {
            if (second)
            {
                options.beta2 = value;
            }
            else
            {
                options.beta1 = value;
            }
        }
    }

    private sealed class AdamBetas(Adam.ParamGroup[] groups, bool second) : TypedMomentum
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                Set(group.Options, value);
            }
        }

        public override void Write(double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                Set(groups[g].Options, row[layerOf[g]]);
            }
        }

        public override void WriteWithLearningRate(double[] lr, double[] row, int[] layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                Set(group.Options, row[layer]);
            }
        }

        private void Set(Adam.Options options, double value)
        {
            if (second)
            {
                options.beta2 = value;
            }
            else
            {
                options.beta1 = value;
            }
        }
    }
}
