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
        /// <summary>
        /// Writes <c>lr[layerOf[g]]</c> and <c>row[layerOf[g]]</c> into each param group <c>g</c>; a one-value
        /// <paramref name="row"/> (a momentum uniform across layer groups) is written to every group.
        /// </summary>
        public void WriteWithLearningRate(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            if (layerOf.IsIdentity && row.Length == 1)
            {
                WriteWithLearningRate(lr, row[0]);
            }
            else
            {
                WriteEach(lr, row, layerOf);
            }
        }

        /// <summary>
        /// The usual case (a plain optimizer, one momentum for all): <c>lr[g]</c> and <paramref name="momentum"/> into
        /// param group <c>g</c>, with no layer lookup or row read per group, as a hand loop writes.
        /// </summary>
        protected abstract void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum);

        /// <summary>Any layout and momentum row: see <see cref="WriteWithLearningRate(ReadOnlySpan{double}, ReadOnlySpan{double}, LayerMap)"/>.</summary>
        protected abstract void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf);

        /// <summary>
        /// What to AND a layer index with to find its value in <paramref name="row"/>: all ones, or 0 for a one-value row,
        /// so one loop serves both without a branch per group.
        /// </summary>
        protected static int LayerMask(ReadOnlySpan<double> row) => row.Length == 1 ? 0 : ~0;
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

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                groups[g].Momentum = row[layerOf[g]];
            }
        }

        protected override void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            var mask = LayerMask(row);
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                group.Momentum = row[layer & mask];
            }
        }

        protected override void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum)
        {
            var typed = groups;
            lr = lr[..typed.Length];
            for (var g = 0; g < typed.Length; g++)
            {
                typed[g].LearningRate = lr[g];
                typed[g].Momentum = momentum;
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

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                Set(groups[g].Options, row[layerOf[g]]);
            }
        }

        protected override void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            var mask = LayerMask(row);
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                Set(group.Options, row[layer & mask]);
            }
        }

        protected override void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum)
        {
            var typed = groups;
            lr = lr[..typed.Length];
            for (var g = 0; g < typed.Length; g++)
            {
                typed[g].LearningRate = lr[g];
                Set(typed[g].Options, momentum);
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

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                Set(groups[g].Options, row[layerOf[g]]);
            }
        }

        protected override void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            var mask = LayerMask(row);
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                Set(group.Options, row[layer & mask]);
            }
        }

        protected override void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum)
        {
            var typed = groups;
            lr = lr[..typed.Length];
            for (var g = 0; g < typed.Length; g++)
            {
                typed[g].LearningRate = lr[g];
                Set(typed[g].Options, momentum);
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
