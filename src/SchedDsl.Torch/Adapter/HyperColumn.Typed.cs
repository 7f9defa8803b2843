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
            return new Momenta<SGD.ParamGroup, SgdMomentum>(sgd, second);
        }
        if (All<AdamW.ParamGroup>(groups) is { } adamW)
        {
            return new Momenta<AdamW.ParamGroup, AdamWBeta>(adamW, second);
        }
        return All<Adam.ParamGroup>(groups) is { } adam ? new Momenta<Adam.ParamGroup, AdamBeta>(adam, second) : null;
    }

    /// <summary>Writes one momentum (or beta) into a param group of one TorchSharp optimizer type.</summary>
    /// <remarks>
    /// Implemented by structs, so each <see cref="Momenta{TGroup, TSetter}"/> is compiled for its setter and the write
    /// is inlined into the loop: the option types share no interface for it, and a delegate or interface call per
    /// group would undo what the typed writes are for.
    /// </remarks>
    private interface IMomentumSetter<in TGroup>
    {
        /// <summary>Writes <paramref name="value"/> as the momentum, or as the second beta when <paramref name="second"/>.</summary>
        void Set(TGroup group, double value, bool second);
    }

    private readonly struct SgdMomentum : IMomentumSetter<SGD.ParamGroup>
    {
        public void Set(SGD.ParamGroup group, double value, bool second) => group.Momentum = value;
    }

    private readonly struct AdamWBeta : IMomentumSetter<AdamW.ParamGroup>
    {
        public void Set(AdamW.ParamGroup group, double value, bool second)
        {
            if (second)
            {
                group.Options.beta2 = value;
            }
            else
            {
                group.Options.beta1 = value;
            }
        }
    }

    private readonly struct AdamBeta : IMomentumSetter<Adam.ParamGroup>
    {
        public void Set(Adam.ParamGroup group, double value, bool second)
        {
            if (second)
            {
                group.Options.beta2 = value;
            }
            else
            {
                group.Options.beta1 = value;
            }
        }
    }

    /// <summary>The momentum column of param groups of one type, written through <typeparamref name="TSetter"/>.</summary>
    private sealed class Momenta<TGroup, TSetter>(TGroup[] groups, bool second) : TypedMomentum
        where TGroup : ParamGroup
        where TSetter : struct, IMomentumSetter<TGroup>
    {
        public override void Write(double value)
        {
            foreach (var group in groups)
            {
                default(TSetter).Set(group, value, second);
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                default(TSetter).Set(groups[g], row[layerOf[g]], second);
            }
        }

        protected override void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            var mask = LayerMask(row);
            for (var g = 0; g < groups.Length; g++)
            {
                var (group, layer) = (groups[g], layerOf[g]);
                group.LearningRate = lr[layer];
                default(TSetter).Set(group, row[layer & mask], second);
            }
        }

        protected override void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum)
        {
            var (typed, isSecond) = (groups, second);
            lr = lr[..typed.Length];
            for (var g = 0; g < typed.Length; g++)
            {
                typed[g].LearningRate = lr[g];
                default(TSetter).Set(typed[g], momentum, isSecond);
            }
        }
    }
}
