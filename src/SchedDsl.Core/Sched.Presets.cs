using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// fastai's one-cycle learning rate (<c>fit_one_cycle</c>): cosine from <c>lrMax/div</c> up to
    /// <paramref name="lrMax"/> over <paramref name="pctStart"/> of training, then down to <c>lrMax/divFinal</c>.
    /// Text: <c>one_cycle(lr_max, div=25, div_final=1e5, pct_start=0.25)</c>.
    /// </summary>
    /// <param name="lrMax">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="div">Start at <c>lrMax/div</c>; &gt; 0.</param>
    /// <param name="divFinal">End at <c>lrMax/divFinal</c>; &gt; 0.</param>
    /// <param name="pctStart">Share of training spent warming up, in [0, 1].</param>
    public static Sched OneCycle(
        Hyper lrMax, double div = FastaiPresets.OneCycleDiv, double divFinal = FastaiPresets.OneCycleDivFinal, double pctStart = FastaiPresets.OneCyclePctStart)
    {
        Declared.Check(FastaiPresets.OneCycle, lrMax, div, divFinal, pctStart);
        return new OneCycleSched(lrMax, div, divFinal, pctStart);
    }

    /// <summary>
    /// fastai's one-cycle momentum (<c>moms=(0.95, 0.85, 0.95)</c>): <c>combined_cos(pctStart, start, middle, end)</c>,
    /// falling while the learning rate rises.
    /// </summary>
    public static Sched OneCycleMomentum(
        double start = FastaiPresets.OneCycleMomStart,
        double middle = FastaiPresets.OneCycleMomMiddle,
        double end = FastaiPresets.OneCycleMomEnd,
        double pctStart = FastaiPresets.OneCyclePctStart) =>
        CombinedCos(pctStart, start, middle, end);

    /// <summary>
    /// fastai's <c>fit_flat_cos</c> learning rate: flat at <paramref name="lr"/> for <paramref name="pctStart"/> of
    /// training, then cosine down to <c>lr/divFinal</c>. Text: <c>flat_cos(lr, div_final=1e5, pct_start=0.75)</c>.
    /// </summary>
    public static Sched FlatCos(Hyper lr, double divFinal = FastaiPresets.FlatCosDivFinal, double pctStart = FastaiPresets.FlatCosPctStart)
    {
        Declared.Check(FastaiPresets.FlatCos, lr, divFinal, pctStart);
        return new FlatCosSched(lr, divFinal, pctStart);
    }

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

    /// <summary>
    /// The LR finder's exponential schedule (fastai's <c>LRFinder</c>): <c>exp(startLr, endLr)</c>.
    /// Text: <c>lr_finder(start_lr=1e-7, end_lr=10)</c>.
    /// </summary>
    public static Sched LrFinder(double startLr = FastaiPresets.LrFinderStartLr, double endLr = FastaiPresets.LrFinderEndLr)
    {
        Declared.Check(FastaiPresets.LrFinder, startLr, endLr);
        return new LrFinderSched(startLr, endLr);
    }
}
