namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// Trains a cooldown branch off a checkpoint of a running fit, its trunk (Hägele et al. 2024; MiniCPM 2024): the
    /// model, optimizer state, RNG, loss smoother and position come back from <paramref name="fromCheckpoint"/>, and the
    /// fit goes on for <paramref name="length"/> more units of its clock while the learning rate cools down from the
    /// value in force there to <paramref name="floor"/>, by <see cref="Sched.Branch"/>. Several branches off one trunk
    /// give a finished model for each budget from one long run (warmup-stable-decay, "constant lr + cooldown").
    /// </summary>
    /// <remarks>
    /// <para>The branch is an ordinary fit of <c>at + length</c> units, <c>at</c> being where the checkpoint is on the
    /// trunk's clock: its learning rate is <c>trunk.Branch(planned, at, length, shape, floor)</c>, so the first batch trains
    /// at the trunk's value exactly and the schedule ends at <paramref name="floor"/> exactly (its last batch, as in
    /// every fit, trains one unit before the end). Every other scheduled hyper-parameter (momentum, …) continues its
    /// trunk schedule re-planned onto the branch, <see cref="Sched.ReplanStretch"/>: no jump at the branch point, and its
    /// planned end at the branch's end (a constant stays constant). The weight decay is the call's, as in any resumed fit.</para>
    /// <para>The source checkpoint is only read: a <see cref="CheckpointCallback"/> that would write over it is refused,
    /// so pass each branch one with its own directory. Its checkpoints hold the branch's schedules and resume with the
    /// same call and <paramref name="resumeFrom"/>. The returned recorder holds the trunk's finished epochs' rows up to
    /// the branch point, then the branch: its batches from the branch point on, and a row for every epoch it trains (the
    /// last one partial when the branch ends mid-epoch).</para>
    /// <para>The length counts the units of <see cref="Clock"/>, which must be the trunk's: batches, updates, samples or
    /// epochs. On the samples clock it must end on a batch; on the epochs clock the branch starts at the epoch the
    /// checkpoint is in.</para>
    /// <para>Thread-safety: not thread-safe; one fit at a time.</para>
    /// </remarks>
    /// <param name="fromCheckpoint">A checkpoint written during the trunk's fit (<see cref="CheckpointCallback"/>); never written to.</param>
    /// <param name="length">The cooldown's length in the clock's units: a whole number &gt;= 1.</param>
    /// <param name="shape">The cooldown's shape: linear, cosine or 1-sqrt (the default, Hägele et al.'s best).</param>
    /// <param name="floor">The learning rate the cooldown ends at, in [0, the learning rate at the branch point] for every layer group.</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="callbacks">Extra callbacks for the branch (its CSV logger, its own <see cref="CheckpointCallback"/>).</param>
    /// <param name="resumeFrom">A checkpoint written during this same branch: it resumes there, bit for bit.</param>
    /// <param name="cancellation">Cancels between batches.</param>
    /// <returns>The branch's recorder (also <see cref="Recorder"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A length that is not a whole number &gt;= 1, a floor out of range, or a shape that is not a <see cref="CooldownShape"/>.</exception>
    /// <exception cref="ArgumentException">A length that ends inside a batch, or a checkpoint callback that would overwrite <paramref name="fromCheckpoint"/>.</exception>
    /// <exception cref="CheckpointException">A checkpoint that is missing, damaged, taken outside a fit, or of another model, optimizer, clock, accumulation or branch. The learner is unchanged.</exception>
    public Recorder FitCooldownBranch(string fromCheckpoint, double length, CooldownShape shape = CooldownShape.Sqrt, double floor = 0, double? weightDecay = null,
        IEnumerable<Callback>? callbacks = null, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromCheckpoint);
        if (!(length >= 1 && length <= (1L << 53) && Math.Floor(length) == length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be a whole number of {Clock.ToString().ToLowerInvariant()} >= 1 (the clock's units), got {length}");
        }
        TimeFunctions.CheckShape(shape, nameof(shape));
        if (!(floor >= 0 && double.IsFinite(floor)))
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, $"floor must be a finite learning rate >= 0, got {floor}");
        }
        var extra = callbacks?.ToList() ?? [];
        RefuseWritersOf(fromCheckpoint, extra);
        var source = Checkpoint.Read(fromCheckpoint);
        var branch = CooldownBranch.Plan(this, source, (long)length, shape, floor);
        var resume = source;
        if (resumeFrom is not null)
        {
            resume = Checkpoint.Read(resumeFrom);
            resume.ForFit(this, branch, branch.ScheduleSteps!.Value);
        }
        return RunFit(branch with { StartIteration = resume.Step }, extra, weightDecay, resume, cancellation);
    }

    /// <summary>Refuses a checkpoint callback of this learner or of <paramref name="callbacks"/> that would write over <paramref name="checkpoint"/>.</summary>
    private void RefuseWritersOf(string checkpoint, IEnumerable<Callback> callbacks)
    {
        var path = Path.GetFullPath(checkpoint);
        foreach (var writer in Callbacks.Concat(callbacks).OfType<CheckpointCallback>())
        {
            if (Path.GetFullPath(writer.LastPath) == path || Path.GetFullPath(writer.BestPath) == path)
            {
                throw new ArgumentException(
                    $"a CheckpointCallback writing to {writer.Directory} would overwrite the branch's source checkpoint {checkpoint}: give the branch a CheckpointCallback of its own directory, so that more branches can start from the trunk",
                    nameof(callbacks));
            }
        }
    }
}
