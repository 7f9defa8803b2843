namespace SchedDsl.Torch;

/// <summary>The plan of a cooldown branch off a trunk checkpoint (<see cref="Learner.FitCooldownBranch"/>).</summary>
internal static class CooldownBranch
{
    /// <summary>
    /// Checks <paramref name="source"/> against the learner as a resume would (changing nothing) and returns the
    /// branch's plan: the trunk's fit from the checkpoint on, ending <paramref name="length"/> clock units later, its
    /// learning rate <see cref="Sched.Branch"/> and every other schedule stretched onto the branch.
    /// </summary>
    public static FitPlan Plan(Learner learner, Checkpoint source, long length, CooldownShape shape, double floor)
    {
        var fit = source.Meta.Fit
            ?? throw new CheckpointException($"{source.Path} was saved outside a fit (Learner.Save); a branch starts from a checkpoint written during a fit (CheckpointCallback)");
        var schedules = source.Schedules(fit);
        var trunk = new FitPlan(fit.Epochs, schedules, fit.ScheduleSteps, Validate: true, FailOnNonFinite: true, StartIteration: 0, learner.Clock, fit.ClockTotal);
        // The checks of a resume: clock, accumulation, data, model, optimizer, RNG; the learner is not touched.
        source.ForFit(learner, trunk, fit.ScheduleSteps);
        var lr = schedules.GetValueOrDefault(HyperParameter.LearningRate)
            ?? throw new CheckpointException($"{source.Path} holds no lr schedule, so there is no learning rate to cool down from");
        var clock = source.ClockOf(fit, learner.Train.BatchSizes);
        var at = clock.Done(fit.Progress);
        var total = checked(at + length);
        CheckFloor(learner, lr, (double)at / clock.Total, floor);
        var end = End(learner, clock, fit.Progress, at, length);
        var branched = schedules.ToDictionary(
            kv => kv.Key,
            kv => kv.Key == HyperParameter.LearningRate ? kv.Value.Branch(clock.Total, at, length, shape, floor) : Sched.ReplanStretch(kv.Value, clock.Total, at, total));
        var count = learner.Train.Count;
        var epochs = (end + count - 1) / count;
        return new FitPlan(epochs, branched, end, Validate: true, FailOnNonFinite: true, StartIteration: fit.Step, clock.Unit, total, end);
    }

    /// <summary>Refuses a floor above the learning rate in force at the branch point, in any layer group: a cooldown does not rise.</summary>
    private static void CheckFloor(Learner learner, Sched lr, double position, double floor)
    {
        var groups = learner.GroupCount;
        for (var g = 0; g < groups; g++)
        {
            var start = lr.IsPerGroup ? lr.ForGroup(g, groups).At(position) : lr.At(position);
            if (floor > start)
            {
                var where = groups > 1 ? $", layer group {g}" : "";
                throw new ArgumentOutOfRangeException(nameof(floor), floor, $"floor must be in [0, {start:R}] (the learning rate in force at the branch point{where}: a cooldown does not rise), got {floor:R}");
            }
        }
    }

    /// <summary>The batch, over the whole fit, at which the branch's clock has done <c>at + length</c> units.</summary>
    private static int End(Learner learner, FitClock clock, FitProgress from, long at, long length)
    {
        var count = learner.Train.Count;
        var accumulate = learner.AccumulateSamples;
        long end = clock.Unit switch
        {
            // One unit a batch: updates too without accumulation (a skipped update aside, which the fit cannot foresee).
            ClockUnit.Batches => from.Step + length,
            ClockUnit.Updates when accumulate == 0 => from.Step + length,
            // The staircase's branch starts at the epoch the checkpoint is in and ends at an epoch's end.
            ClockUnit.Epochs => (at + length) * count,
            _ => Walk(learner, clock, from, at, length),
        };
        return end <= int.MaxValue
            ? (int)end
            : throw new ArgumentOutOfRangeException(nameof(length), length, $"a branch of {length} {Units(clock)} ends after batch {end}, past {int.MaxValue}");
    }

    /// <summary>
    /// Steps the clock batch by batch from <paramref name="from"/> (every update taken) until it reaches <c>at + length</c>.
    /// On the tokens clock that means counting the coming batches' tokens (<see cref="Learner.TokensPerBatch"/>) ahead.
    /// </summary>
    private static long Walk(Learner learner, FitClock clock, FitProgress from, long at, long length)
    {
        // FitClock.For has checked that the data gives its batch sizes for the samples and accumulated updates clocks.
        var sizes = learner.Train.BatchSizes;
        using var tokens = clock.Unit == ClockUnit.Tokens ? learner.TokensFrom(from.Step / learner.Train.Count, from.Step % learner.Train.Count).GetEnumerator() : null;
        var accumulate = learner.AccumulateSamples;
        var target = at + length;
        var progress = from;
        long step = from.Step;
        var before = at;
        while (clock.Done(progress) < target)
        {
            if (step >= int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, $"a branch of {length} {Units(clock)} ends past batch {int.MaxValue}");
            }
            before = clock.Done(progress);
            long rows = sizes?[(int)(step % learner.Train.Count)] ?? 0;
            var batchTokens = tokens is not null && tokens.MoveNext() ? tokens.Current : 0;
            progress = progress.After(rows, batchTokens, accumulate == 0 || progress.PendingSamples + rows >= accumulate, skipped: false);
            step++;
        }
        var done = clock.Done(progress);
        return done == target
            ? step
            : throw new ArgumentException($"length must end on a batch: from {Units(clock)} {at}, the branch can end after {before - at} or {done - at} {Units(clock)}, got {length}", nameof(length));
    }

    private static string Units(FitClock clock) => clock.Unit.ToString().ToLowerInvariant();
}
