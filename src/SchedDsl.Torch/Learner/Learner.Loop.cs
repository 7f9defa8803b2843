using System.Diagnostics;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// The training loop every fit and the LR finder share (fastai's <c>Learner.fit</c>). It owns the clock: before each
    /// batch it sets <see cref="FitContext.Iteration"/>, applies that step's scheduled values, then runs the callbacks.
    /// </summary>
    /// <param name="plan">Epochs, schedules and where to start.</param>
    /// <param name="callbacks">This fit's callbacks, besides <see cref="Callbacks"/>.</param>
    /// <param name="weightDecay">Weight decay to set before the fit; null keeps <see cref="WeightDecay"/>.</param>
    /// <param name="resume">A checkpoint to continue from (already validated against this fit), or null.</param>
    /// <param name="cancellation">Checked before every batch.</param>
    private Recorder RunFit(FitPlan plan, IEnumerable<Callback> callbacks, double? weightDecay, Checkpoint? resume, CancellationToken cancellation)
    {
        if (plan.Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Epochs, $"epochs must be >= 1, got {plan.Epochs}");
        }
        if (Train.Count < 1)
        {
            throw new ArgumentException($"the training data has {Train.Count} batches; a fit needs at least one", nameof(plan));
        }
        CheckTrainingStep();
        // Counted before anything changes: a tokens clock without its function is refused with the learner as it was.
        var tokensPerEpoch = plan.Clock == ClockUnit.Tokens ? TokensPerEpoch() : 0;
        var optimizer = CreateOptimizer();
        var layout = _layout!;
        var decay = CheckWeightDecay(optimizer, weightDecay ?? WeightDecay);
        var total = (long)plan.Epochs * Train.Count;
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), plan.Epochs, $"{plan.Epochs} epochs of {Train.Count} batches exceed {int.MaxValue} training steps");
        }
        var scheduleSteps = plan.ScheduleSteps ?? (int)total;
        var sizes = Train.BatchSizes;
        var clock = FitClock.For(plan.Clock, plan.Epochs, scheduleSteps, Train.Count, sizes, AccumulateSamples, tokensPerEpoch);
        clock = plan.ClockTotal is { } clockTotal ? clock with { Total = clockTotal } : clock;
        var applier = new HyperApplier(optimizer, plan.Schedules, layout);
        // The loop records after each batch, as fastai's Recorder.after_batch does, so a batch that fails is not in the history.
        var history = new HyperHistory(applier, (int)Math.Min(scheduleSteps, total));
        var runner = new ScheduleRunner(applier, scheduleSteps, history);
        var recorder = new Recorder(Metrics.Select(m => m.Name).ToList(), history, (int)total, clock.Unit);
        var context = new FitContext(this, optimizer, recorder, runner, clock, plan.Epochs, Train.Count, cancellation);
        // A fit started at startEpoch counts the epochs before it as trained, in every unit; a checkpoint overwrites this.
        context.Progress = FitClock.ProgressAfter(plan.StartIteration / Train.Count, Train.Count, sizes, AccumulateSamples, tokensPerEpoch);
        recorder.RestoreUpdates(context.Progress);
        var smooth = new SmoothLoss(SmoothBeta);
        context.Smooth = smooth;
        // All or nothing: a checkpoint that fails to load leaves the learner as it was, its recorder included. It
        // restores state only; the call's weight decay is written after it, as in a fresh fit (docs/training.md).
        resume?.RestoreFit(this, context);
        // Accumulated gradients are not checkpointed: a window resumed part-way starts from zero (docs/training.md).
        optimizer.zero_grad();
        SetWeightDecay(optimizer, layout, decay);
        Recorder = recorder;
        if (!Model.parameters().Any(p => p.requires_grad))
        {
            throw new InvalidOperationException("no parameter of the model requires a gradient (all frozen); call Unfreeze() or FreezeTo(n) with fewer groups");
        }
        var all = Callbacks.Concat(callbacks).Select((cb, i) => (cb, i)).OrderBy(t => t.cb.Order).ThenBy(t => t.i).Select(t => t.cb).ToArray();
        var device = Device;
        var wasTraining = Model.training;
        var start = plan.StartIteration;
        var end = plan.EndIteration ?? (int)total;
        using var observer = new FitObserver(context, Logger);
        context.Observer = observer;
        try
        {
            observer.FitStarted(start);
            Each(all, cb => cb.BeforeFit(context));
            for (var epoch = start / Train.Count; epoch < plan.Epochs && !context.StopRequested; epoch++)
            {
                context.Epoch = epoch;
                context.Progress = context.Progress with { Epoch = epoch };
                Each(all, cb => cb.BeforeEpoch(context));
                var watch = Stopwatch.StartNew();
                var skip = epoch == start / Train.Count ? start % Train.Count : 0;
                observer.EpochStarted(skip);
                TrainEpoch(context, all, optimizer, device, smooth, plan.FailOnNonFinite, skip, end, plan.DataEpochOffset);
                if (context.StopRequested && !plan.Validate)
                {
                    break;
                }
                double? validLoss = null;
                var metrics = Array.Empty<double>();
                if (plan.Validate && Valid is { Count: > 0 } valid)
                {
                    Each(all, cb => cb.BeforeValidate(context));
                    (validLoss, metrics) = Validate(valid, device, cancellation);
                    Each(all, cb => cb.AfterValidate(context));
                }
                context.LastEpoch = new EpochResult(epoch, smooth.Value, validLoss, metrics, watch.Elapsed) { Step = context.Progress.Step, ClockValue = context.ClockValue };
                recorder.AddEpoch(context.LastEpoch);
                observer.EpochEnded(context.LastEpoch);
                Each(all, cb => cb.AfterEpoch(context));
            }
            Each(all, cb => cb.AfterFit(context));
            observer.FitEnded();
        }
        catch (Exception e) when (observer.Failed(e))
        {
            throw; // never reached: the filter logs and declines, so the exception leaves with its stack unchanged
        }
        finally
        {
            Model.train(wasTraining);
        }
        return recorder;
    }

    private void TrainEpoch(FitContext context, Callback[] callbacks, optim.Optimizer optimizer, Device device, SmoothLoss smooth, bool failOnNonFinite, int skip, int end, int dataEpochOffset)
    {
        Model.train();
        var firstIteration = context.Epoch * context.BatchCount;
        using var batches = Train.GetBatches(context.Epoch + dataEpochOffset).GetEnumerator();
        // end: a fit that stops mid-epoch (a cooldown branch) trains none of the epoch's batches from there on.
        for (var batch = 0; !context.StopRequested && firstIteration + batch < end; batch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                break;
            }
            if (batch < skip)
            {
                // Resuming mid-epoch: the epoch's order is a function of the epoch, so skipping reproduces it.
                continue;
            }
            var (input, target) = batches.Current;
            context.Batch = batch;
            context.Iteration = firstIteration + batch;
            var before = context.Progress;
            context.Position = context.FitClock.PositionOf(before);
            if (context.Iteration < context.Runner.TotalSteps)
            {
                context.Runner.ApplyAt(context.Iteration, context.Position);
            }
            Each(callbacks, cb => cb.BeforeBatch(context));
            // non_blocking: a blocking host-to-CUDA copy synchronises the stream first (PyTorch's copy_ waits for the previous
            // step's kernels); from pageable memory a non-blocking upload is staged before it returns, so it is safe.
            var loss = LossFunction(Model.call(input.to(device, non_blocking: true)), target.to(device, non_blocking: true));
            // The one host-device synchronisation per batch: the loss value for the recorder and the divergence check.
            var value = loss.item<float>();
            if (failOnNonFinite && !float.IsFinite(value))
            {
                throw new TrainingDivergedException(context.Epoch, batch, value);
            }
            // size(0) reads the row count from the handle; shape would allocate an array per batch.
            var rows = input.size(0);
            var tokens = context.Clock == ClockUnit.Tokens ? TokensOf(input, target, context.Epoch, batch) : 0;
            var after = Step(optimizer, loss, rows, tokens, before);
            smooth.Add(value);
            context.Loss = value;
            context.SmoothLoss = smooth.Value;
            context.Recorder.AddLoss(value, smooth.Value);
            context.Recorder.AddClock(context.Position, before.Samples, context.FitClock.Done(before), after);
            context.Recorder.Hypers.Record(context.Iteration);
            // As fastai's TrainEvalCallback.after_batch: from here on the clock counts this batch as trained.
            context.Progress = after;
            context.Iteration++;
            context.Observer.BatchEnded(rows);
            Each(callbacks, cb => cb.AfterBatch(context));
        }
    }

    private (double Loss, double[] Metrics) Validate(IBatchSource valid, Device device, CancellationToken cancellation)
    {
        Model.eval();
        using var noGrad = no_grad();
        using var total = zeros(1, ScalarType.Float64, device).DetachFromDisposeScope();
        long rows = 0;
        foreach (var metric in Metrics)
        {
            metric.Reset(device);
        }
        using (var batches = valid.GetBatches(0).GetEnumerator())
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                if (!batches.MoveNext())
                {
                    break;
                }
                var input = batches.Current.Input.to(device, non_blocking: true);
                var target = batches.Current.Target.to(device, non_blocking: true);
                var prediction = Model.call(input);
                var n = target.shape[0];
                total.add_(LossFunction(prediction, target).to_type(ScalarType.Float64) * n);
                rows += n;
                foreach (var metric in Metrics)
                {
                    metric.Accumulate(prediction, target);
                }
            }
        }
        Model.train();
        // One synchronisation per validation pass (plus one per metric).
        var loss = rows == 0 ? double.NaN : total.item<double>() / rows;
        return (loss, Metrics.Select(m => m.Compute()).ToArray());
    }

    private static void Each(Callback[] callbacks, Action<Callback> action)
    {
        foreach (var callback in callbacks)
        {
            action(callback);
        }
    }
}
