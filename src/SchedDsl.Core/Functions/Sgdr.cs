#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Collections;
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class FastaiPresets
{
    public const double SgdrCycleLen = 1;
    public const double SgdrCycleMult = 2;

    /// <summary>The most SGDR cycles a schedule may have: each is a segment, so this bounds memory and search.</summary>
    public const int MaxSgdrCycles = 10_000;

    public static readonly FunctionSpec Sgdr = new(
        "sgdr", "Sgdr", "fastai `fit_sgdr`'s lr: n_cycles cosines lr_max → 0, cycle i lasting cycle_len * cycle_mult^i",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Integer("n_cycles"),
            ParamSpec.Number("cycle_len", Rule.Positive, SgdrCycleLen),
            ParamSpec.Number("cycle_mult", Rule.Positive, SgdrCycleMult),
        ],
        a => CrossRules.AtMost(a, "n_cycles", MaxSgdrCycles, "each cycle is a segment that evaluation searches") ?? SgdrFits(a),
        $"n_cycles <= {MaxSgdrCycles}; the run's length in epochs finite");

    /// <summary>
    /// The length of an SGDR run in epochs: <c>cycleLen * (cycleMult^nCycles - 1) / (cycleMult - 1)</c>, summed in
    /// double as fastai does, or <c>cycleLen * nCycles</c> when <c>cycleMult = 1</c>.
    /// </summary>
    public static double SgdrEpochs(int nCycles, double cycleLen, double cycleMult)
    {
        var total = 0.0;
        for (var i = 0; i < nCycles; i++)
        {
            total += cycleLen * Math.Pow(cycleMult, i);
        }
        return total;
    }

    private static ArgProblem? SgdrFits(Args a)
    {
        var nCycles = (int)a.Number("n_cycles");
        var epochs = SgdrEpochs(nCycles, a.Number("cycle_len"), a.Number("cycle_mult"));
        return double.IsInfinity(epochs) || double.IsNaN(epochs)
            ? new ArgProblem(
                "n_cycles",
                $"makes the run overflow a double: cycle_len * cycle_mult^(n_cycles-1) with n_cycles = {nCycles}, cycle_mult = {TextNumbers.Format(a.Number("cycle_mult"))}")
            : null;
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// fastai's <c>fit_sgdr</c> learning rate: <paramref name="nCycles"/> cosine annealings from
    /// <paramref name="lrMax"/> to 0, cycle <c>i</c> lasting <c>cycleLen * cycleMult^i</c>.
    /// <c>cycleMult = 1</c> gives equal cycles (fastai divides by zero there). Text: <c>sgdr(lr_max, n_cycles, cycle_len=1, cycle_mult=2)</c>.
    /// </summary>
    /// <remarks>The epochs this takes are <see cref="SgdrEpochs"/>.</remarks>
    public static Sched Sgdr(Hyper lrMax, int nCycles, double cycleLen = FastaiPresets.SgdrCycleLen, double cycleMult = FastaiPresets.SgdrCycleMult)
    {
        Declared.Check(FastaiPresets.Sgdr, lrMax, nCycles, cycleLen, cycleMult);
        return new SgdrSched(lrMax, nCycles, cycleLen, cycleMult);
    }

    /// <summary>The most SGDR cycles a schedule may have: each is a segment, so this bounds memory and search.</summary>
    public const int MaxSgdrCycles = FastaiPresets.MaxSgdrCycles;

    /// <summary>
    /// The length of an SGDR run in epochs: <c>cycleLen * (cycleMult^nCycles - 1) / (cycleMult - 1)</c>, or
    /// <c>cycleLen * nCycles</c> when <c>cycleMult = 1</c>. fastai's <c>fit_sgdr(3, 1)</c> trains 7 epochs.
    /// </summary>
    public static double SgdrEpochs(int nCycles, double cycleLen = FastaiPresets.SgdrCycleLen, double cycleMult = FastaiPresets.SgdrCycleMult)
    {
        Declared.Check(FastaiPresets.Sgdr, Hyper.Scalar(1), nCycles, cycleLen, cycleMult);
        return FastaiPresets.SgdrEpochs(nCycles, cycleLen, cycleMult);
    }
}

/// <summary>
/// fastai's <c>fit_sgdr</c>: <c>n_cycles</c> cosine annealings from <c>lr_max</c> to 0, cycle <c>i</c> lasting
/// <c>cycle_len * cycle_mult^i</c>, each taking its length's share of training.
/// </summary>
internal sealed record SgdrSched(Hyper LrMax, int NCycles, double CycleLen, double CycleMult)
    : Preset(Expand(LrMax, NCycles, CycleMult))
{
    public override FunctionSpec Function => FastaiPresets.Sgdr;

    internal override object[] Arguments => [LrMax, NCycles, CycleLen, CycleMult];

    /// <summary>Cycle lengths relative to the first; <c>cycle_len</c> cancels out of the shares.</summary>
    private static CombineSched Expand(Hyper lrMax, int nCycles, double cycleMult)
    {
        var lengths = new double[nCycles];
        var scheds = new Sched[nCycles];
        var cycle = new AnnealSched(AnnealerFactory.CosFactory, lrMax, 0.0);
        for (var i = 0; i < nCycles; i++)
        {
            lengths[i] = Math.Pow(cycleMult, i);
            scheds[i] = cycle;
        }
        var total = lengths.Sum();
        return new CombineSched(ValueArray<double>.Own([.. lengths.Select(l => l / total)]), ValueArray<Sched>.Own(scheds));
    }
}
#endif
