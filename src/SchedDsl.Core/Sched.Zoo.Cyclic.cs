using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl;

public abstract partial record Sched
{
    /// <summary>
    /// PyTorch's three-phase one-cycle (<c>OneCycleLR(three_phase=True)</c>, cosine annealing): cosine from
    /// <c>lrMax/div</c> up to <paramref name="lrMax"/> over <paramref name="pctStart"/>, back down to <c>lrMax/div</c>
    /// over another <paramref name="pctStart"/>, then to <c>lrMax/div/finalDivFactor</c>.
    /// Text: <c>one_cycle_3phase(lr_max, div=25, final_div_factor=1e4, pct_start=0.3)</c>.
    /// </summary>
    /// <remarks>
    /// <c>OneCycleLR(max_lr, total_steps=T, pct_start=p, div_factor=d, final_div_factor=f, three_phase=True)</c> is
    /// <c>OneCycle3Phase(max_lr, d, f, TorchPctStart(p, T))</c> at <c>pos = step/(T-1)</c>: PyTorch ends each phase one
    /// step early (at step <c>p*T-1</c>, <c>2*p*T-2</c> and <c>T-1</c>). Momentum: <see cref="OneCycle3PhaseMomentum"/>.
    /// </remarks>
    /// <param name="lrMax">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="div">Start (and end of phase 2) at <c>lrMax/div</c>; &gt; 0 (PyTorch <c>div_factor</c>).</param>
    /// <param name="finalDivFactor">End at <c>lrMax/div/finalDivFactor</c>; &gt; 0 (PyTorch <c>final_div_factor</c>).</param>
    /// <param name="pctStart">Share of training of each of the first two phases, in [0, 0.5].</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a divisor &lt;= 0 or so small that <c>lrMax/div</c> leaves double range, or <paramref name="pctStart"/> outside [0, 0.5].</exception>
    public static Sched OneCycle3Phase(
        Hyper lrMax,
        double div = PyTorchCycles.ThreePhaseDiv,
        double finalDivFactor = PyTorchCycles.ThreePhaseFinalDivFactor,
        double pctStart = PyTorchCycles.ThreePhasePctStart)
    {
        Declared.Check(PyTorchCycles.OneCycle3Phase, lrMax, div, finalDivFactor, pctStart);
        return new OneCycle3PhaseSched(lrMax, div, finalDivFactor, pctStart);
    }

    /// <summary>
    /// The momentum of <see cref="OneCycle3Phase"/>: cosine from <paramref name="maxMomentum"/> down to
    /// <paramref name="baseMomentum"/> while the learning rate rises, back up while it falls, then flat. A plain
    /// <c>combine</c> of <c>cos</c>, <c>cos</c> and <c>no</c>.
    /// </summary>
    /// <remarks>PyTorch <c>OneCycleLR(cycle_momentum=True, base_momentum, max_momentum, three_phase=True)</c>, mapped as in <see cref="OneCycle3Phase"/>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite momentum or <paramref name="pctStart"/> outside [0, 0.5].</exception>
    public static Sched OneCycle3PhaseMomentum(
        double baseMomentum = PyTorchCycles.ThreePhaseBaseMomentum,
        double maxMomentum = PyTorchCycles.ThreePhaseMaxMomentum,
        double pctStart = PyTorchCycles.ThreePhasePctStart)
    {
        Declared.Check(PyTorchCycles.OneCycle3PhaseMomentum, baseMomentum, maxMomentum, pctStart);
        return CombineScheds(
            [pctStart, pctStart, 1 - (2 * pctStart)],
            [Cos(maxMomentum, baseMomentum), Cos(baseMomentum, maxMomentum), No(maxMomentum, maxMomentum)]);
    }

    /// <summary>
    /// PyTorch <c>OneCycleLR</c>'s <c>pct_start</c> on our position grid: <c>(pctStart*totalSteps - 1) / (totalSteps - 1)</c>,
    /// for <see cref="OneCycle"/> (two phases, with <c>divFinal = div_factor*final_div_factor</c>) and
    /// <see cref="OneCycle3Phase"/> evaluated at <c>pos = step/(totalSteps-1)</c>.
    /// </summary>
    /// <exception cref="SchedArgumentException"><paramref name="totalSteps"/> &lt; 2, or a phase shorter than one step.</exception>
    public static double TorchPctStart(double pctStart, int totalSteps)
    {
        Require.AtLeast("torch_pct_start", "total_steps", totalSteps, 2);
        Require.Fraction("torch_pct_start", "pct_start", pctStart);
        var pct = ((pctStart * totalSteps) - 1) / (totalSteps - 1);
        return pct >= 0
            ? pct
            : throw new SchedArgumentException(
                "torch_pct_start", "pct_start", $"must be >= 1/total_steps = {NumberText.Format(1.0 / totalSteps)} (PyTorch's first phase ends at step pct_start*total_steps-1), got {NumberText.Format(pctStart)}");
    }

    /// <summary>
    /// PyTorch <c>CyclicLR</c>: <paramref name="cycles"/> triangles from <paramref name="baseLr"/> up to
    /// <paramref name="maxLr"/> (over <paramref name="pctUp"/> of each cycle) and back, the swing above
    /// <paramref name="baseLr"/> scaled by <c>cycleDecay^c * gamma^t</c> in cycle <c>c</c> (from 0) after <c>t</c>
    /// cycles. Text: <c>cyclic(base_lr, max_lr, cycles, pct_up=0.5, cycle_decay=1, gamma=1)</c>.
    /// </summary>
    /// <remarks>
    /// <para><c>CyclicLR(base_lr, max_lr, step_size_up=U, step_size_down=D)</c> over <c>T</c> steps is
    /// <c>Cyclic(base_lr, max_lr, T/(U+D), U/(U+D), …)</c> at <c>pos = step/T</c> with, by <c>mode</c>:
    /// <c>triangular</c>: defaults; <c>triangular2</c>: <c>cycleDecay: 0.5</c>; <c>exp_range</c>:
    /// <c>gamma: torch_gamma^(U+D)</c> (PyTorch's gamma is per step; ours is per cycle).</para>
    /// <para>Its momentum (<c>cycle_momentum=True</c>) is <see cref="CyclicMomentum"/> with the same cycle arguments.</para>
    /// </remarks>
    /// <param name="baseLr">The low point: a number, a per-group list, or a slice.</param>
    /// <param name="maxLr">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="cycles">How many cycles fit in training; &gt; 0 (fractional ends mid-cycle).</param>
    /// <param name="pctUp">Share of each cycle spent rising, in [0, 1].</param>
    /// <param name="cycleDecay">Swing factor per cycle, applied at each restart; &gt; 0.</param>
    /// <param name="gamma">Swing factor per cycle, applied continuously; &gt; 0.</param>
    /// <exception cref="SchedArgumentException">A number outside its range, or a growing swing that leaves double range.</exception>
    public static Sched Cyclic(Hyper baseLr, Hyper maxLr, double cycles, double pctUp = PyTorchCycles.CyclicPctUp, double cycleDecay = 1, double gamma = 1) =>
        CheckCyclic(PyTorchCycles.Cyclic, baseLr, maxLr, cycles, pctUp, cycleDecay, gamma, momentum: false);

    /// <summary>
    /// The momentum that PyTorch <c>CyclicLR(cycle_momentum=True)</c> cycles against <see cref="Cyclic"/>: it starts at
    /// <paramref name="maxMomentum"/> and dips to <paramref name="baseMomentum"/> when the learning rate peaks, the dip
    /// scaled like the learning rate's swing. Text: <c>cyclic_momentum(base_momentum, max_momentum, cycles, pct_up=0.5, cycle_decay=1, gamma=1)</c>.
    /// </summary>
    /// <remarks>PyTorch's defaults are <c>base_momentum=0.8, max_momentum=0.9</c>; pass the cycle arguments given to <see cref="Cyclic"/>.</remarks>
    /// <exception cref="SchedArgumentException">A number outside its range, or a growing swing that leaves double range.</exception>
    public static Sched CyclicMomentum(
        Hyper baseMomentum, Hyper maxMomentum, double cycles, double pctUp = PyTorchCycles.CyclicPctUp, double cycleDecay = 1, double gamma = 1) =>
        CheckCyclic(PyTorchCycles.CyclicMomentum, baseMomentum, maxMomentum, cycles, pctUp, cycleDecay, gamma, momentum: true);

    private static CyclicSched CheckCyclic(
        FunctionSpec function, Hyper low, Hyper high, double cycles, double pctUp, double cycleDecay, double gamma, bool momentum)
    {
        Declared.Check(function, low, high, cycles, pctUp, cycleDecay, gamma);
        return new CyclicSched(low, high, cycles, pctUp, cycleDecay, gamma, momentum);
    }

    /// <summary>
    /// Cosine with hard restarts: linear warmup from 0 over <paramref name="warmupPct"/>, then <paramref name="cycles"/>
    /// equal half-cosines from <paramref name="lr"/> to 0. Text: <c>cosine_restarts(lr, cycles=1, warmup_pct=0)</c>.
    /// </summary>
    /// <remarks>Hugging Face <c>get_cosine_with_hard_restarts_schedule_with_warmup(opt, W, T, num_cycles=n)</c> is
    /// <c>CosineRestarts(lr, n, W/T)</c> at <c>pos = min(step/T, 1)</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="cycles"/> &lt;= 0, or <paramref name="warmupPct"/> outside [0, 1].</exception>
    public static Sched CosineRestarts(Hyper lr, double cycles = 1, double warmupPct = 0)
    {
        Declared.Check(Restarts.CosineRestarts, lr, cycles, warmupPct);
        return new CosineRestartsSched(lr, cycles, warmupPct);
    }

    /// <summary>
    /// SGDR with decaying peaks: <paramref name="nCycles"/> half-cosines, cycle <c>i</c> from <c>lrMax*decay^i</c> down
    /// to <paramref name="lrMin"/>, lasting <c>cycleMult^i</c> times the first.
    /// Text: <c>sgdr_decay(lr_max, n_cycles, cycle_mult=2, decay=1, lr_min=0)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)</c> for <c>n</c> whole cycles, i.e.
    /// <c>T = T_0*(T_mult^n - 1)/(T_mult - 1)</c> steps (<c>n*T_0</c> when <c>T_mult = 1</c>), is
    /// <c>SgdrDecay(lr, n, T_mult, 1, eta_min)</c> at <c>pos = step/T</c>; <c>CosineAnnealingLR(T_max, eta_min)</c> is
    /// <c>SgdrDecay(lr, 1, lrMin: eta_min)</c> at <c>pos = step/T_max</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="nCycles"/> outside [1, 10000], a multiplier or decay &lt;= 0, or cycles or peaks that grow past double range.</exception>
    public static Sched SgdrDecay(Hyper lrMax, int nCycles, double cycleMult = Restarts.SgdrDecayCycleMult, double decay = 1, double lrMin = 0)
    {
        Declared.Check(Restarts.SgdrDecay, lrMax, nCycles, cycleMult, decay, lrMin);
        return new SgdrDecaySched(lrMax, nCycles, cycleMult, decay, lrMin);
    }
}
