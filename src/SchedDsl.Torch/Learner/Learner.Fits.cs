namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>Fits <paramref name="epochs"/> epochs at a constant learning rate (fastai's <c>fit</c>).</summary>
    /// <param name="epochs">Epochs, &gt;= 1.</param>
    /// <param name="lr">The learning rate (number, per-group list or slice); null for <see cref="Lr"/>.</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="callbacks">Extra callbacks for this fit.</param>
    /// <param name="cancellation">Cancels between batches (<see cref="OperationCanceledException"/>); the model keeps the batches trained so far.</param>
    /// <param name="startEpoch">The first epoch to train (fastai's <c>start_epoch</c>): earlier epochs are skipped as if trained, so the schedules pick up where they were.</param>
    /// <param name="resumeFrom">A checkpoint written during this same fit (<see cref="CheckpointCallback"/>): model, optimizer state, RNG and position are restored from it and training continues at its step, mid-epoch if need be, with this call's settings (weight decay, schedules; the optimizer's other options as the learner made them). Refused with <see cref="CheckpointException"/>, the learner unchanged, when it is damaged or belongs to another model or fit. A checkpoint of this fit with another number of epochs re-plans it: its schedules are stretched onto the new length from the checkpoint on (docs/training.md).</param>
    /// <returns>This fit's recorder (also <see cref="Recorder"/>).</returns>
    public Recorder Fit(int epochs, Hyper? lr = null, double? weightDecay = null, IEnumerable<Callback>? callbacks = null, int startEpoch = 0, string? resumeFrom = null,
        CancellationToken cancellation = default) =>
        Fit(epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.Const(lr ?? Lr) }, weightDecay, callbacks, startEpoch, resumeFrom, cancellation);

    /// <summary>
    /// Fits with your own schedules (fastai's <c>fit(n, cbs=ParamScheduler(scheds))</c>): before every batch the loop
    /// applies each schedule at <c>iteration / total</c>.
    /// </summary>
    /// <param name="epochs">Epochs, &gt;= 1.</param>
    /// <param name="schedules">One schedule per hyper-parameter; per-group ones need one value per layer group.</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="callbacks">Extra callbacks.</param>
    /// <param name="startEpoch">The first epoch to train (fastai's <c>start_epoch</c>): earlier epochs are skipped as if trained, so the schedules pick up where they were.</param>
    /// <param name="resumeFrom">A checkpoint written during this same fit (<see cref="CheckpointCallback"/>): model, optimizer state, RNG and position are restored from it and training continues at its step, mid-epoch if need be, with this call's settings (weight decay, schedules; the optimizer's other options as the learner made them). Refused with <see cref="CheckpointException"/>, the learner unchanged, when it is damaged or belongs to another model or fit. A checkpoint of this fit with another number of epochs re-plans it: its schedules are stretched onto the new length from the checkpoint on (docs/training.md).</param>
    /// <param name="cancellation">Cancels between batches.</param>
    public Recorder Fit(int epochs, IReadOnlyDictionary<HyperParameter, Sched> schedules, double? weightDecay = null, IEnumerable<Callback>? callbacks = null,
        int startEpoch = 0, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return Run(Plan(epochs, schedules), callbacks, weightDecay, startEpoch, resumeFrom, cancellation);
    }

    /// <summary>
    /// fastai's <c>fit_one_cycle</c>: the learning rate follows <c>combined_cos(pctStart, lrMax/div, lrMax, lrMax/divFinal)</c>
    /// and the momentum <c>combined_cos(pctStart, moms)</c>, at <c>i/total</c> for batch <c>i</c>.
    /// </summary>
    /// <param name="epochs">Epochs, &gt;= 1.</param>
    /// <param name="lrMax">The peak learning rate: a number, a per-group list or a slice (fastai's <c>lr_max</c>); null for <see cref="Lr"/>.</param>
    /// <param name="div">Start at <c>lrMax/div</c> (25).</param>
    /// <param name="divFinal">End at <c>lrMax/divFinal</c> (1e5).</param>
    /// <param name="pctStart">The share of the warm-up (0.25).</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="moms">Momentum at start, middle and end (0.95, 0.85, 0.95).</param>
    /// <param name="callbacks">Extra callbacks.</param>
    /// <param name="startEpoch">The first epoch to train (fastai's <c>start_epoch</c>): earlier epochs are skipped as if trained, so the schedules pick up where they were.</param>
    /// <param name="resumeFrom">A checkpoint written during this same fit (<see cref="CheckpointCallback"/>): model, optimizer state, RNG and position are restored from it and training continues at its step, mid-epoch if need be, with this call's settings (weight decay, schedules; the optimizer's other options as the learner made them). Refused with <see cref="CheckpointException"/>, the learner unchanged, when it is damaged or belongs to another model or fit. A checkpoint of this fit with another number of epochs re-plans it: its schedules are stretched onto the new length from the checkpoint on (docs/training.md).</param>
    /// <param name="cancellation">Cancels between batches.</param>
    /// <remarks>Momentum is written only when the optimizer has it (every Adam-family optimizer; SGD and RMSprop created with momentum &gt; 0), and recorded always, as fastai's <c>RMSProp(mom=0)</c> records and ignores it (<see cref="HyperHistory.NotApplied"/>).</remarks>
    public Recorder FitOneCycle(int epochs, Hyper? lrMax = null, double div = FastaiPresets.OneCycleDiv, double divFinal = FastaiPresets.OneCycleDivFinal, double pctStart = FastaiPresets.OneCyclePctStart,
        double? weightDecay = null, (double Start, double Middle, double End)? moms = null, IEnumerable<Callback>? callbacks = null, int startEpoch = 0,
        string? resumeFrom = null, CancellationToken cancellation = default)
        => Fit(epochs, OneCycleSchedules(lrMax ?? Lr, div, divFinal, pctStart, moms), weightDecay, callbacks, startEpoch, resumeFrom, cancellation);

    /// <summary>fastai's <c>fit_flat_cos</c>: flat at <paramref name="lr"/> for <paramref name="pctStart"/>, then cosine to <c>lr/divFinal</c>.</summary>
    public Recorder FitFlatCos(int epochs, Hyper? lr = null, double divFinal = FastaiPresets.FlatCosDivFinal, double pctStart = FastaiPresets.FlatCosPctStart, double? weightDecay = null,
        IEnumerable<Callback>? callbacks = null, int startEpoch = 0, string? resumeFrom = null, CancellationToken cancellation = default) =>
        Fit(epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.FlatCos(lr ?? Lr, divFinal, pctStart) }, weightDecay, callbacks,
            startEpoch, resumeFrom, cancellation);

    /// <summary>
    /// fastai's <c>fit_sgdr</c>: <paramref name="nCycles"/> cosine annealings from <paramref name="lrMax"/> to 0, cycle
    /// <c>i</c> lasting <c>cycleLen * cycleMult^i</c> epochs; <c>cycleLen * (cycleMult^nCycles - 1)/(cycleMult - 1)</c>
    /// epochs in all (<c>FitSgdr(3, 1)</c> trains 7).
    /// </summary>
    /// <exception cref="ArgumentException">The total is not a whole number of epochs.</exception>
    public Recorder FitSgdr(int nCycles, int cycleLen, Hyper? lrMax = null, int cycleMult = 2, double? weightDecay = null,
        IEnumerable<Callback>? callbacks = null, int startEpoch = 0, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        var total = Sched.SgdrEpochs(nCycles, cycleLen, cycleMult);
        var epochs = checked((int)Math.Round(total));
        var schedules = new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.Sgdr(lrMax ?? Lr, nCycles, cycleLen, cycleMult) };
        return Fit(epochs, schedules, weightDecay, callbacks, startEpoch, resumeFrom, cancellation);
    }

    /// <summary>
    /// fastai's <c>fine_tune</c>, both phases exactly: <see cref="Freeze"/>, <c>FitOneCycle(freezeEpochs, slice(baseLr), pct_start=0.99)</c>;
    /// then <c>baseLr /= 2</c>, <see cref="Unfreeze"/>, <c>FitOneCycle(epochs, slice(baseLr/lrMult, baseLr), pctStart, div)</c>.
    /// The first phase is skipped when <paramref name="freezeEpochs"/> is 0.
    /// </summary>
    /// <param name="epochs">Epochs of the unfrozen phase, &gt;= 1.</param>
    /// <param name="baseLr">The frozen phase's peak learning rate; the unfrozen phase peaks at half of it (2e-3).</param>
    /// <param name="freezeEpochs">Epochs of the frozen phase, &gt;= 0 (1).</param>
    /// <param name="lrMult">The spread of the unfrozen phase's <c>slice</c>, &gt; 0 (100).</param>
    /// <param name="pctStart">The unfrozen phase's warm-up share (0.3).</param>
    /// <param name="div">The unfrozen phase's start divisor (5).</param>
    /// <param name="divFinal">Both phases' end divisor (1e5).</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="moms">Momentum at start, middle and end (0.95, 0.85, 0.95).</param>
    /// <param name="callbacks">Extra callbacks, for both phases.</param>
    /// <param name="resumeFrom">A checkpoint written during either phase of this same fine-tune (<see cref="CheckpointCallback"/>): the phase it belongs to resumes from it, and a frozen-phase checkpoint continues into the unfrozen phase. It is checked before the body is frozen; with <paramref name="freezeEpochs"/> 0 it must belong to the unfrozen phase.</param>
    /// <param name="cancellation">Cancels between batches.</param>
    /// <returns>The recorders of the frozen phase (null when skipped) and of the unfrozen phase.</returns>
    public FineTuneResult FineTune(int epochs, double baseLr = 2e-3, int freezeEpochs = 1, double lrMult = 100, double pctStart = 0.3, double div = 5,
        double divFinal = FastaiPresets.OneCycleDivFinal, double? weightDecay = null, (double Start, double Middle, double End)? moms = null, IEnumerable<Callback>? callbacks = null,
        string? resumeFrom = null, CancellationToken cancellation = default)
    {
        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must be >= 1, got {epochs}");
        }
        if (freezeEpochs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(freezeEpochs), freezeEpochs, $"freezeEpochs must be >= 0, got {freezeEpochs}");
        }
        if (!(lrMult > 0 && double.IsFinite(lrMult)))
        {
            throw new ArgumentOutOfRangeException(nameof(lrMult), lrMult, $"lrMult must be a finite number > 0, got {lrMult}");
        }
        var extra = callbacks?.ToList() ?? [];
        var frozenPlan = freezeEpochs > 0
            ? Plan(freezeEpochs, OneCycleSchedules(Hyper.Slice(baseLr), FastaiPresets.OneCycleDiv, divFinal, 0.99, moms))
            : null;
        var unfrozenPlan = Plan(epochs, OneCycleSchedules(Hyper.Slice(baseLr / 2 / lrMult, baseLr / 2), div, divFinal, pctStart, moms));
        // The checkpoint is checked before Freeze(), so one that is refused leaves the learner as it was, body unfrozen.
        ResumedFit? resumeFrozen = null;
        ResumedFit? resumeUnfrozen = null;
        if (resumeFrom is not null)
        {
            var checkpoint = Checkpoint.Read(resumeFrom);
            // A checkpoint names its phase by its lr schedule (the phases' differ); without a frozen phase only the
            // unfrozen one can take it, and it refuses a checkpoint of another fit.
            var lr = HyperParameter.LearningRate;
            var saved = checkpoint.Meta.Fit?.Schedules.GetValueOrDefault(lr.FastaiName());
            var unfrozenPhase = frozenPlan is null || (saved is not null && Checkpoint.Planned(saved) == unfrozenPlan.Schedules[lr].ToString());
            if (unfrozenPhase)
            {
                resumeUnfrozen = ResumeCheckpoint(checkpoint, unfrozenPlan);
            }
            else
            {
                resumeFrozen = ResumeCheckpoint(checkpoint, frozenPlan!);
            }
        }
        Recorder? frozen = null;
        if (frozenPlan is not null && resumeUnfrozen is null)
        {
            Freeze();
            frozen = Run(frozenPlan, extra, weightDecay, startEpoch: 0, resumeFrozen, cancellation);
        }
        Unfreeze();
        var unfrozen = Run(unfrozenPlan, extra, weightDecay, startEpoch: 0, resumeUnfrozen, cancellation);
        return new FineTuneResult(frozen, unfrozen);
    }

    /// <summary>A training fit's plan: validated, failing on a non-finite loss, schedules over the whole fit on the learner's <see cref="Clock"/>.</summary>
    private FitPlan Plan(int epochs, IReadOnlyDictionary<HyperParameter, Sched> schedules) =>
        new(epochs, schedules, ScheduleSteps: null, Validate: true, FailOnNonFinite: true, StartIteration: 0, Clock);

    /// <summary>fastai's <c>fit_one_cycle</c> schedules: lr and momentum (recorded always, written where the optimizer has it).</summary>
    private static Dictionary<HyperParameter, Sched> OneCycleSchedules(Hyper lrMax, double div, double divFinal, double pctStart, (double Start, double Middle, double End)? moms)
    {
        var (start, middle, end) = moms ?? (FastaiPresets.OneCycleMomStart, FastaiPresets.OneCycleMomMiddle, FastaiPresets.OneCycleMomEnd);
        return new Dictionary<HyperParameter, Sched>
        {
            [HyperParameter.LearningRate] = Sched.OneCycle(lrMax, div, divFinal, pctStart),
            [HyperParameter.Momentum] = Sched.OneCycleMomentum(start, middle, end, pctStart),
        };
    }
}
