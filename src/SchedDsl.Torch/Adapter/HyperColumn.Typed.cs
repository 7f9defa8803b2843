using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// Momentum columns for SGD, Adam and AdamW groups, written through the sealed-in-practice group types rather than
/// <c>IMomentum</c>/<c>IBetas</c>: the write a hand-written loop makes, with no interface call per group. For the betas
/// only the scheduled one is written: the other keeps its value, as when the pair is read back and written whole.
/// </summary>
internal abstract partial class HyperColumn
{
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

    private sealed class SgdMomenta(SGD.ParamGroup[] groups) : HyperColumn
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
    }

    private sealed class AdamWBetas(AdamW.ParamGroup[] groups, bool second) : HyperColumn
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

    private sealed class AdamBetas(Adam.ParamGroup[] groups, bool second) : HyperColumn
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
