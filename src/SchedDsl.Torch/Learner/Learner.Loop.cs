using System.Diagnostics;
using static TorchSharp.torch;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>The training loop every fit and the LR finder share (fastai's <c>Learner.fit</c>).</summary>
    /// <param name="epochs">Epochs to run.</param>
    /// <param name="callbacks">This fit's callbacks, besides <see cref="Callbacks"/>.</param>
    /// <param name="wd">Weight decay to set before the fit; null keeps <see cref="Wd"/>.</param>
    /// <param name="validate">False for the LR finder (fastai skips validation there).</param>
    /// <param name="failOnNonFinite">True: a NaN/∞ loss throws <see cref="TrainingDivergedException"/>; false: it is recorded (the LR finder stops on it).</param>
    /// <param name="cancellation">Checked before every batch.</param>
    private Recorder RunFit(int epochs, IEnumerable<Callback> callbacks, double? wd, bool validate, bool failOnNonFinite, CancellationToken cancellation)
    {
        if (epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must be >= 1, got {epochs}");
        }
        if (Train.Count < 1)
        {
            throw new ArgumentException($"the training data has {Train.Count} batches; a fit needs at least one", nameof(epochs));
        }
        var optimizer = CreateOptimizer();
        var layout = _layout!;
        if (!Model.parameters().Any(p => p.requires_grad))
        {
            throw new InvalidOperationException("no parameter of the model requires a gradient (all frozen); call Unfreeze() or FreezeTo(n) with fewer groups");
        }
        SetWeightDecay(optimizer, layout, wd ?? Wd);
        var recorder = new Recorder(Metrics.Select(m => m.Name).ToList(), layout.LayerGroupCount);
        Recorder = recorder;
        var context = new FitContext(this, optimizer, recorder, epochs, Train.Count, layout, cancellation);
        var all = Callbacks.Concat(callbacks).Select((cb, i) => (cb, i)).OrderBy(t => t.cb.Order).ThenBy(t => t.i).Select(t => t.cb).ToArray();
        var device = Device;
        var smooth = new SmoothLoss(SmoothBeta);
        var wasTraining = Model.training;
        try
        {
            Each(all, cb => cb.BeforeFit(context));
            for (var epoch = 0; epoch < epochs && !context.StopRequested; epoch++)
            {
                context.Epoch = epoch;
                Each(all, cb => cb.BeforeEpoch(context));
                var clock = Stopwatch.StartNew();
                TrainEpoch(context, all, optimizer, device, smooth, failOnNonFinite);
                if (context.StopRequested && !validate)
                {
                    break;
                }
                double? validLoss = null;
                var metrics = Array.Empty<double>();
                if (validate && Valid is { Count: > 0 } valid)
                {
                    Each(all, cb => cb.BeforeValidate(context));
                    (validLoss, metrics) = Validate(valid, device, cancellation);
                    Each(all, cb => cb.AfterValidate(context));
                }
                context.LastEpoch = new EpochResult(epoch, smooth.Value, validLoss, metrics, clock.Elapsed);
                recorder.AddEpoch(context.LastEpoch);
                Each(all, cb => cb.AfterEpoch(context));
            }
            Each(all, cb => cb.AfterFit(context));
        }
        finally
        {
            Model.train(wasTraining);
        }
        return recorder;
    }

    private void TrainEpoch(FitContext context, Callback[] callbacks, optim.Optimizer optimizer, Device device, SmoothLoss smooth, bool failOnNonFinite)
    {
        Model.train();
        using var batches = Train.GetBatches().GetEnumerator();
        for (var batch = 0; !context.StopRequested; batch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                break;
            }
            var (input, target) = batches.Current;
            context.Batch = batch;
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
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            smooth.Add(value);
            context.Loss = value;
            context.SmoothLoss = smooth.Value;
            context.Recorder.AddLoss(value, smooth.Value);
            context.Iteration++;
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
        using (var batches = valid.GetBatches().GetEnumerator())
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
