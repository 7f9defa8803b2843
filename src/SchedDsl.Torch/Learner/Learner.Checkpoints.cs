namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// Saves the model and, with <paramref name="withOptimizer"/>, the optimizer state to <paramref name="path"/>
    /// (fastai's <c>learn.save(file, with_opt=True)</c>). The file is written beside the target and renamed over it,
    /// so a crash while saving leaves any previous file intact.
    /// </summary>
    /// <remarks>To resume a fit mid-way, use <see cref="CheckpointCallback"/> during the fit and pass its file as a fit's <c>resumeFrom</c>.</remarks>
    public void Save(string path, bool withOptimizer = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Checkpoint.Write(path, this, withOptimizer && _optimizer is not null, context: null, step: 0);
    }

    /// <summary>
    /// Loads the model and, with <paramref name="withOptimizer"/> and when the file has it, the optimizer state from
    /// <paramref name="path"/> (fastai's <c>learn.load</c>). Parameters' trainable flags come back as saved.
    /// </summary>
    /// <remarks>
    /// The file supplies state only: weights, buffers, trainable flags and the optimizer's per-parameter buffers and step
    /// counts. The optimizer's hyper-parameters (learning rate, betas, eps, weight decay) stay the learner's, as its
    /// <see cref="OptimizerFactory"/> made them; fastai's <c>load</c> also restores them, but its next fit overwrites
    /// all but the betas and eps anyway.
    /// </remarks>
    /// <exception cref="CheckpointException">The file is missing, truncated or damaged, or holds another model or optimizer; the message names what differs and the learner is unchanged.</exception>
    public void Load(string path, bool withOptimizer = true) => Checkpoint.Read(path).Restore(this, withOptimizer);

    /// <summary>
    /// How a fit resumed with another number of epochs re-plans the rest of its schedules (<see cref="Sched.Replan"/>, in
    /// the clock's units; docs/time.md): <see cref="SchedDsl.ReplanPolicy.Stretch"/> (the default) maps the rest of every
    /// schedule onto the new remaining units; <see cref="SchedDsl.ReplanPolicy.HoldThenDecay"/>, for <c>wsd</c>,
    /// <c>wsd_linear</c> and <c>flat_cos</c> (<see cref="FitFlatCos"/>), lengthens or shortens the stable phase and keeps
    /// the warmup and the final decay as long as planned. Every value before the checkpoint is kept bit for bit either way.
    /// </summary>
    /// <remarks>
    /// Read when a fit resumes with another length. A policy that cannot apply (a schedule of another shape, a checkpoint
    /// already inside the decay, a new length too short for the whole decay) is refused with a
    /// <see cref="CheckpointException"/> that says why, the learner unchanged.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a <see cref="SchedDsl.ReplanPolicy"/>; the policy stays as it was.</exception>
    public ReplanPolicy ReplanPolicy
    {
        get;
        set => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"ReplanPolicy must be one of {string.Join(", ", Enum.GetNames<ReplanPolicy>())}, got {value}");
    } = ReplanPolicy.Stretch;

    /// <summary>Writes the state of the running fit at <paramref name="step"/> (the next batch to train).</summary>
    internal void SaveCheckpoint(string path, FitContext context, int step)
    {
        Checkpoint.Write(path, this, withOptimizer: true, context, step);
        LearnerLog.CheckpointWritten(Logger, path, step);
    }

    /// <summary>Runs <paramref name="plan"/>, from the start, from <paramref name="startEpoch"/>, or from a checkpoint.</summary>
    private Recorder Run(FitPlan plan, IEnumerable<Callback>? callbacks, double? weightDecay, int startEpoch, string? resumeFrom, CancellationToken cancellation)
    {
        CheckPlan(plan, startEpoch);
        if (startEpoch > 0 && resumeFrom is not null)
        {
            throw new ArgumentException("pass startEpoch or resumeFrom, not both: a checkpoint knows its own position", nameof(resumeFrom));
        }
        return Run(plan, callbacks, weightDecay, startEpoch, resumeFrom is null ? null : ResumeCheckpoint(Checkpoint.Read(resumeFrom), plan), cancellation);
    }

    /// <summary>
    /// Runs <paramref name="plan"/> from <paramref name="startEpoch"/>, or from <paramref name="resume"/> (checked by
    /// <see cref="ResumeCheckpoint"/>, whose plan, re-planned when the length changed, is the one that runs).
    /// </summary>
    private Recorder Run(FitPlan plan, IEnumerable<Callback>? callbacks, double? weightDecay, int startEpoch, ResumedFit? resume, CancellationToken cancellation)
    {
        CheckPlan(plan, startEpoch);
        var start = resume?.Checkpoint.Step ?? checked(startEpoch * Train.Count);
        return RunFit((resume?.Plan ?? plan) with { StartIteration = start }, callbacks ?? [], weightDecay, resume?.Checkpoint, cancellation);
    }

    /// <summary>
    /// Checks that <paramref name="checkpoint"/> was taken during <paramref name="plan"/> on this learner, changing
    /// nothing, and returns the plan to resume: <paramref name="plan"/> itself, or its schedules re-planned (stretch)
    /// when the checkpoint's fit had another number of epochs.
    /// </summary>
    /// <exception cref="CheckpointException">The checkpoint is damaged, belongs to another model, optimizer or fit, or has trained more than the new length.</exception>
    private ResumedFit ResumeCheckpoint(Checkpoint checkpoint, FitPlan plan) =>
        new(checkpoint, checkpoint.ForFit(this, plan, plan.ScheduleSteps ?? plan.Epochs * Train.Count));

    /// <summary>A checked checkpoint and the plan that resumes it.</summary>
    private sealed record ResumedFit(Checkpoint Checkpoint, FitPlan Plan);

    private static void CheckPlan(FitPlan plan, int startEpoch)
    {
        if (plan.Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Epochs, $"epochs must be >= 1, got {plan.Epochs}");
        }
        if (startEpoch < 0 || startEpoch >= plan.Epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(startEpoch), startEpoch, $"startEpoch must be in [0, {plan.Epochs - 1}] for {plan.Epochs} epochs, got {startEpoch}");
        }
    }
}
