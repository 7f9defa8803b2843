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
    public static Sched OneCycle(Hyper lrMax, double div = 25, double divFinal = 1e5, double pctStart = 0.25) =>
        new OneCycleSched(
            Require.Magnitude("one_cycle", "lr_max", lrMax),
            Divisor("one_cycle", "div", div, lrMax, "lr_max"),
            Divisor("one_cycle", "div_final", divFinal, lrMax, "lr_max"),
            Require.Fraction("one_cycle", "pct_start", pctStart));

    /// <summary>
    /// fastai's one-cycle momentum (<c>moms=(0.95, 0.85, 0.95)</c>): <c>combined_cos(pctStart, start, middle, end)</c>,
    /// falling while the learning rate rises.
    /// </summary>
    public static Sched OneCycleMomentum(double start = 0.95, double middle = 0.85, double end = 0.95, double pctStart = 0.25) =>
        CombinedCos(pctStart, start, middle, end);

    /// <summary>
    /// fastai's <c>fit_flat_cos</c> learning rate: flat at <paramref name="lr"/> for <paramref name="pctStart"/> of
    /// training, then cosine down to <c>lr/divFinal</c>. Text: <c>flat_cos(lr, div_final=1e5, pct_start=0.75)</c>.
    /// </summary>
    public static Sched FlatCos(Hyper lr, double divFinal = 1e5, double pctStart = 0.75) =>
        new FlatCosSched(
            Require.Magnitude("flat_cos", "lr", lr),
            Divisor("flat_cos", "div_final", divFinal, lr, "lr"),
            Require.Fraction("flat_cos", "pct_start", pctStart));

    /// <summary>
    /// fastai's <c>fit_sgdr</c> learning rate: <paramref name="nCycles"/> cosine annealings from
    /// <paramref name="lrMax"/> to 0, cycle <c>i</c> lasting <c>cycleLen * cycleMult^i</c>.
    /// <c>cycleMult = 1</c> gives equal cycles (fastai divides by zero there). Text: <c>sgdr(lr_max, n_cycles, cycle_len=1, cycle_mult=2)</c>.
    /// </summary>
    /// <remarks>The epochs this takes are <see cref="SgdrEpochs"/>.</remarks>
    public static Sched Sgdr(Hyper lrMax, int nCycles, double cycleLen = 1, double cycleMult = 2)
    {
        SgdrEpochs(nCycles, cycleLen, cycleMult);
        return new SgdrSched(Require.Magnitude("sgdr", "lr_max", lrMax), nCycles, cycleLen, cycleMult);
    }

    /// <summary>The most SGDR cycles a schedule may have: each is a segment, so this bounds memory and search.</summary>
    public const int MaxSgdrCycles = 10_000;

    /// <summary>
    /// The length of an SGDR run in epochs: <c>cycleLen * (cycleMult^nCycles - 1) / (cycleMult - 1)</c>, or
    /// <c>cycleLen * nCycles</c> when <c>cycleMult = 1</c>. fastai's <c>fit_sgdr(3, 1)</c> trains 7 epochs.
    /// </summary>
    public static double SgdrEpochs(int nCycles, double cycleLen = 1, double cycleMult = 2)
    {
        Require.AtLeast("sgdr", "n_cycles", nCycles, 1);
        if (nCycles > MaxSgdrCycles)
        {
            throw new SchedArgumentException("sgdr", "n_cycles", $"must be <= {MaxSgdrCycles}, got {nCycles}");
        }
        Require.Positive("sgdr", "cycle_len", cycleLen);
        Require.Positive("sgdr", "cycle_mult", cycleMult);
        var total = 0.0;
        for (var i = 0; i < nCycles; i++)
        {
            total += cycleLen * Math.Pow(cycleMult, i);
        }
        if (!double.IsFinite(total))
        {
            throw new SchedArgumentException(
                "sgdr", "n_cycles", $"makes the run overflow a double: cycle_len * cycle_mult^(n_cycles-1) with n_cycles = {nCycles}, cycle_mult = {NumberText.Format(cycleMult)}");
        }
        return total;
    }

    /// <summary>
    /// The LR finder's exponential schedule (fastai's <c>LRFinder</c>): <c>exp(startLr, endLr)</c>.
    /// Text: <c>lr_finder(start_lr=1e-7, end_lr=10)</c>.
    /// </summary>
    public static Sched LrFinder(double startLr = 1e-7, double endLr = 10)
    {
        Require.Positive("lr_finder", "start_lr", startLr);
        Require.Positive("lr_finder", "end_lr", endLr);
        Require.Magnitude("lr_finder", "start_lr", startLr);
        Require.Magnitude("lr_finder", "end_lr", endLr);
        Require.Ratio("lr_finder", "end_lr", startLr, endLr, "start_lr", "end_lr");
        return new LrFinderSched(startLr, endLr);
    }

    // A divisor > 0 that keeps value/divisor (where the schedule starts or ends) within the magnitude bound.
    private static double Divisor(string function, string parameter, double divisor, Hyper value, string valueName)
    {
        Require.Positive(function, parameter, divisor);
        Require.FiniteDerived(function, parameter, divisor, value.Divide(divisor), $"{valueName}/{parameter}");
        return divisor;
    }
}
