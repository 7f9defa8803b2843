using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace SchedDsl.Torch;

/// <summary>
/// What one fit tells the outside while it runs: its events to the learner's <see cref="Learner.Logger"/>, and, while
/// a listener is enabled, a copy of its applied values for the <see cref="SchedDslMeter"/> gauges. The loop calls it at
/// the fit's start and end, at each epoch's start and end, and after each batch.
/// </summary>
/// <remarks>
/// <para>When nobody listens (no enabled instrument, a logger that is not enabled), a batch costs one check of
/// <see cref="TrainingMeter.Observed"/> and allocates nothing.</para>
/// <para>Thread-safety: written by the training thread; the gauges read the published copy from the collector's
/// thread. Each value is a single aligned 8-byte read, so a collector sees a value of this batch or the one before.</para>
/// </remarks>
internal sealed class FitObserver : IDisposable
{
    private readonly FitContext _context;
    private readonly ILogger _logger;
    private readonly long _started = Stopwatch.GetTimestamp();
    // The published copy, NaN until a batch is observed.
    private readonly double[] _lrs;
    private readonly double[] _momentums;
    private double _loss = double.NaN;
    private long _epochStart;
    private int _firstBatch;
    private long _lastBatchEnd;
    private int _epochBatches;
    private long _observedBatches;
    private long _observedSamples;

    public FitObserver(FitContext context, ILogger logger)
    {
        _context = context;
        _logger = logger;
        var groups = context.Hypers.GroupCount;
        _lrs = Enumerable.Repeat(double.NaN, context.Hypers.Contains(HyperParameter.LearningRate) ? groups : 0).ToArray();
        _momentums = Enumerable.Repeat(double.NaN, context.Hypers.Contains(HyperParameter.Momentum) ? groups : 0).ToArray();
        TrainingMeter.Register(this);
    }

    /// <summary>Logs the fit's start: its length, where it starts and its schedules.</summary>
    public void FitStarted(int startIteration)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var schedules = string.Join(", ", _context.Runner.Applier is HyperApplier applier
                ? applier.Schedules.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.FastaiName()}={kv.Value}")
                : []);
            LearnerLog.FitStarted(_logger, _context.EpochCount, _context.BatchCount, startIteration, schedules);
        }
    }

    /// <summary>Starts the epoch's throughput window; <paramref name="firstBatch"/> is the first batch it trains (later than 0 when resuming mid-epoch).</summary>
    public void EpochStarted(int firstBatch)
    {
        _epochStart = Stopwatch.GetTimestamp();
        _firstBatch = firstBatch;
        _epochBatches = 0;
        _observedBatches = 0;
        _observedSamples = 0;
    }

    /// <summary>After a batch's optimizer step: counts it and its <paramref name="samples"/> (the rows the loop's progress counted) and copies what the gauges publish, when a listener is enabled.</summary>
    public void BatchEnded(long samples)
    {
        if (!TrainingMeter.Observed)
        {
            return;
        }
        TrainingMeter.Batches.Add(1);
        TrainingMeter.Samples.Add(samples);
        var hypers = _context.Hypers;
        for (var g = 0; g < _lrs.Length; g++)
        {
            _lrs[g] = hypers[HyperParameter.LearningRate, g];
        }
        for (var g = 0; g < _momentums.Length; g++)
        {
            _momentums[g] = hypers[HyperParameter.Momentum, g];
        }
        _loss = _context.SmoothLoss;
        _observedBatches++;
        _observedSamples += samples;
        _lastBatchEnd = Stopwatch.GetTimestamp();
        _epochBatches = _context.Batch + 1 - _firstBatch;
    }

    /// <summary>Logs the epoch's results row, with the cells of the printed table (<see cref="EpochColumns"/>).</summary>
    public void EpochEnded(EpochResult row)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var names = EpochColumns.Names(_context.Recorder.MetricNames);
            var cells = EpochColumns.Cells(row, _context.Recorder.MetricNames.Count);
            var text = string.Join(", ", names.Zip(cells).Skip(1).Select(c => $"{c.First} {c.Second}"));
            LearnerLog.EpochEnded(_logger, row.Epoch, text);
        }
    }

    /// <summary>Logs the fit's end, and an early stop a callback asked for.</summary>
    public void FitEnded()
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        if (_context.StopRequested)
        {
            LearnerLog.FitStopped(_logger, _context.Epoch, _context.Batch, _context.Iteration, _context.TotalIterations);
        }
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        LearnerLog.FitEnded(_logger, _context.Iteration, _context.TotalIterations, seconds);
    }

    /// <summary>An exception filter: logs a divergence or a cancellation as the exception leaves the loop, and lets it go on.</summary>
    public bool Failed(Exception exception)
    {
        switch (exception)
        {
            case TrainingDivergedException diverged:
                LearnerLog.TrainingDiverged(_logger, diverged.Epoch, diverged.Batch, diverged.LossValue, diverged);
                break;
            case OperationCanceledException when _logger.IsEnabled(LogLevel.Warning):
                LearnerLog.FitCancelled(_logger, _context.Epoch, _context.Batch, _context.Iteration);
                break;
            default:
                break;
        }
        return false;
    }

    public void ObserveLearningRates(List<Measurement<double>> into) => PerGroup(_lrs, into);

    public void ObserveMomentums(List<Measurement<double>> into) => PerGroup(_momentums, into);

    public void ObserveLoss(List<Measurement<double>> into)
    {
        if (!double.IsNaN(_loss))
        {
            into.Add(new Measurement<double>(_loss));
        }
    }

    public void ObserveBatchRate(List<Measurement<double>> into)
    {
        if (BatchesPerSecond() is { } rate)
        {
            into.Add(new Measurement<double>(rate));
        }
    }

    public void ObserveSampleRate(List<Measurement<double>> into)
    {
        // Batches of one epoch times their mean size, as observed: exact for a fixed batch size from the first observed batch.
        var (batches, samples) = (_observedBatches, _observedSamples);
        if (BatchesPerSecond() is { } rate && batches > 0)
        {
            into.Add(new Measurement<double>(rate * samples / batches));
        }
    }

    public void Dispose() => TrainingMeter.Unregister(this);

    private double? BatchesPerSecond()
    {
        var (batches, start, end) = (_epochBatches, _epochStart, _lastBatchEnd);
        var seconds = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        return batches > 0 && seconds > 0 ? batches / seconds : null;
    }

    private static void PerGroup(double[] values, List<Measurement<double>> into)
    {
        for (var g = 0; g < values.Length; g++)
        {
            if (!double.IsNaN(values[g]))
            {
                into.Add(new Measurement<double>(values[g], new KeyValuePair<string, object?>(SchedDslMeter.LayerGroupTag, g)));
            }
        }
    }
}
