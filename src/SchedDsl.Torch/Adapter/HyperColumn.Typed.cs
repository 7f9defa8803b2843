using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// Momentum columns for SGD, Adam and AdamW groups, written straight into each group's typed options (taken once)
/// rather than through <c>IMomentum</c>/<c>IBetas</c>: no interface call, cast or call of any kind per group. For the betas
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

    /// <remarks>
    /// Every group's options, taken once here: the options object is what the optimizer's step reads, and TorchSharp
    /// loads state into it in place. Why not the typed group (<c>SGD.ParamGroup.Momentum</c>): its <c>Options</c> casts
    /// on every read, and that cast's helper call on its slow path, inside the loop, made the JIT keep the momentum on
    /// the stack, stored and reloaded every group, whenever the loop was compiled without dynamic PGO: 100 SGD groups
    /// 2.2-2.5x the hand loop (docs/benchmarks.md §5). Through the options the loop calls nothing, so its speed does
    /// not depend on the profile.
    /// </remarks>
    private static HyperColumn? Typed(HyperParameter hyper, ParamGroup[] groups)
    {
        var second = hyper == HyperParameter.SquaredMomentum;
        if (hyper != HyperParameter.Momentum && !second)
        {
            return null;
        }
        var options = Array.ConvertAll(groups, g => g.Options);
        if (!second && All<SGD.Options>(options) is { } sgd)
        {
            return new Momenta<SGD.Options, SgdMomentum>(sgd, second);
        }
        if (All<AdamW.Options>(options) is { } adamW)
        {
            return new Momenta<AdamW.Options, AdamWBeta>(adamW, second);
        }
        return All<Adam.Options>(options) is { } adam ? new Momenta<Adam.Options, AdamBeta>(adam, second) : null;
    }

    /// <summary>Writes one momentum (or beta) into the options of one TorchSharp optimizer type.</summary>
    /// <remarks>
    /// Implemented by structs, so each <see cref="Momenta{TOptions, TSetter}"/> is compiled for its setter and the write
    /// is inlined into the loop: the option types share no interface for it, and a delegate or interface call per
    /// group would undo what the typed writes are for.
    /// </remarks>
    private interface IMomentumSetter<in TOptions>
    {
        /// <summary>Writes <paramref name="value"/> as the momentum, or as the second beta when <paramref name="second"/>.</summary>
        void Set(TOptions options, double value, bool second);
    }

    private readonly struct SgdMomentum : IMomentumSetter<SGD.Options>
    {
        public void Set(SGD.Options options, double value, bool second) => options.momentum = value;
    }

    private readonly struct AdamWBeta : IMomentumSetter<AdamW.Options>
    {
        public void Set(AdamW.Options options, double value, bool second)
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

    private readonly struct AdamBeta : IMomentumSetter<Adam.Options>
    {
        public void Set(Adam.Options options, double value, bool second)
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

    /// <summary>
    /// The momentum column of param groups whose options are of one type, written through <typeparamref name="TSetter"/>;
    /// the learning rate goes to the same options (what <c>ParamGroup.LearningRate</c> sets).
    /// </summary>
    private sealed class Momenta<TOptions, TSetter>(TOptions[] options, bool second) : TypedMomentum
        where TOptions : OptimizerOptions
        where TSetter : struct, IMomentumSetter<TOptions>
    {
        public override void Write(double value)
        {
            foreach (var each in options)
            {
                default(TSetter).Set(each, value, second);
            }
        }

        public override void Write(ReadOnlySpan<double> row, LayerMap layerOf)
        {
            for (var g = 0; g < options.Length; g++)
            {
                default(TSetter).Set(options[g], row[layerOf[g]], second);
            }
        }

        protected override void WriteEach(ReadOnlySpan<double> lr, ReadOnlySpan<double> row, LayerMap layerOf)
        {
            var mask = LayerMask(row);
            for (var g = 0; g < options.Length; g++)
            {
                var (each, layer) = (options[g], layerOf[g]);
                each.LearningRate = lr[layer];
                default(TSetter).Set(each, row[layer & mask], second);
            }
        }

        protected override void WriteWithLearningRate(ReadOnlySpan<double> lr, double momentum)
        {
            var (typed, isSecond) = (options, second);
            lr = lr[..typed.Length];
            for (var g = 0; g < typed.Length; g++)
            {
                typed[g].LearningRate = lr[g];
                default(TSetter).Set(typed[g], momentum, isSecond);
            }
        }
    }
}
