using System.Diagnostics;
using System.Globalization;
using SchedDsl.Plotting;
using SchedDsl.Progress;
using SchedDsl.Torch;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace SchedDsl.Demo;

/// <summary>
/// The demo: a small CNN on Fashion-MNIST — LrFind with suggestions, FitOneCycle at the suggested rate,
/// test accuracy, <c>sched.png</c> and <c>lr_find.png</c>; then FineTune (pretrain on classes 0–4, fine-tune with
/// discriminative rates on 5–9); optionally a constant-lr baseline at the same budget. Every fit and the LR finder
/// show SchedDsl.Progress's <see cref="ProgressCallback"/>; <c>--csv</c>/<c>--tensorboard</c> log the one-cycle fit.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Runs the demo, writing to <paramref name="output"/>; returns 0, or throws <see cref="DemoError"/> when data or device are missing.</summary>
    public static int Run(DemoOptions options, TextWriter output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (!live)
        {
            console.Profile.Width = 200;
        }
        return Run(options, console, cancellation);
    }

    /// <summary>Runs the demo, printing everything (lines, progress bars, results tables) through <paramref name="console"/>.</summary>
    public static int Run(DemoOptions options, IAnsiConsole console, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var device = DemoDevice.Resolve(options.Device);
        // Every path is checked before any data is loaded: a mistake costs a second, not the LR finder or an epoch.
        DemoOutputs.Check(options);
        var resumeFrom = ResumePath(options);
        if (!IdxDatasets.IsAvailable(options.DataDirectory))
        {
            throw new DemoError($"Fashion-MNIST not found in {options.DataDirectory}; install Debian's dataset-fashion-mnist (scripts/setup-debian.sh)");
        }
        // Before any output: an accumulation larger than an epoch (the training set's 60,000 images at most).
        _ = Accumulation(options, Math.Min(options.Full ? TrainImages : options.TrainSamples, TrainImages) / options.BatchSize);
        if (options.Threads > 0)
        {
            set_num_threads(options.Threads);
        }
        var clock = Stopwatch.StartNew();
        var progress = new ProgressCallback(console);
        var report = new DemoReport(console);

        var trainLimit = options.Full ? int.MaxValue : options.TrainSamples;
        var testLimit = options.Full ? int.MaxValue : options.TestSamples;
        var (trainX, trainY) = IdxDatasets.LoadFashionMnist(train: true, trainLimit, options.DataDirectory);
        var (testX, testY) = IdxDatasets.LoadFashionMnist(train: false, testLimit, options.DataDirectory);
        using var dataScope = NewDisposeScope();
        (trainX, trainY, testX, testY) = (trainX.to(device), trainY.to(device), testX.to(device), testY.to(device));
        console.WriteLine($"Fashion-MNIST: {trainX.shape[0]} training and {testX.shape[0]} test images on {device}");

        // 1. LrFind, then FitOneCycle at the suggested rate.
        manual_seed(options.Seed);
        using var learn = NewLearner(DemoModel.Create(10).to(device), trainX, trainY, testX, testY, options, progress);
        report.Title($"LrFind(numIt: {options.LrFindIterations}{(options.LrFindRuns > 1 ? $", runs: {options.LrFindRuns}" : "")})");
        // Timed only with several runs: the default run stays exactly the fit it was (the weights digest below).
        var timer = options.LrFindRuns > 1 ? new LrFindRunTimes() : null;
        if (timer is not null)
        {
            learn.Callbacks.Add(timer);
        }
        var found = learn.LrFind(numIt: options.LrFindIterations, runs: options.LrFindRuns, cancellation: cancellation);
        if (timer is not null)
        {
            learn.Callbacks.Remove(timer);
        }
        var suggested = report.Suggestions(found);
        var lr = options.Lr ?? suggested;
        found.Curve.PlotLrFind(Path.Combine(options.OutputDirectory, "lr_find.png"));
        if (found.Runs.Count > 1)
        {
            report.Line(timer!.Summary());
            found.Runs.PlotLrFindSpread(Path.Combine(options.OutputDirectory, "lr_find_runs.png"));
        }
        report.Title(options.Schedule is { } custom ? $"Fit({options.Epochs}, lr: {custom.Text})" : $"FitOneCycle({options.Epochs}, lrMax: {Fmt(lr)})");

        // After the LR finder, which always counts batches and steps every batch.
        learn.Clock = options.Clock;
        learn.AccumulateSamples = Accumulation(options, learn.Train.Count);
        learn.ReplanPolicy = options.Replan;
        using var hypersCsv = options.HypersCsvPath is { } hypers ? new HypersCsv(hypers, resumeFrom is not null) : null;
        Callback[] callbacks = [.. Loggers(options), .. hypersCsv is null ? Array.Empty<Callback>() : [hypersCsv]];
        var recorder = options.Schedule is { } schedule
            ? schedule.Fit(learn, options.Epochs, callbacks, resumeFrom, cancellation)
            : learn.FitOneCycle(options.Epochs, lr, callbacks: callbacks, resumeFrom: resumeFrom, cancellation: cancellation);
        // The same seed gives the same digest, also when the fit was killed and resumed from a checkpoint.
        report.Line($"weights sha256: {WeightsDigest.Sha256(learn.Model)}");
        WriteSchedulePlot(recorder, options.Schedule is { } used ? used.Planned : Sched.OneCycle(lr), learn.Train.Count * options.Epochs, Path.Combine(options.OutputDirectory, "sched.png"), report);
        var oneCycleAccuracy = DemoEvaluation.Accuracy(learn.Model, testX, testY);
        report.Line($"{(options.Schedule is null ? "one-cycle" : "--schedule")} test accuracy: {oneCycleAccuracy:P2}");

        // 2. The constant-lr baseline at the same budget (same model init, data order, epochs and peak rate).
        if (options.Baseline)
        {
            manual_seed(options.Seed);
            using var baseline = NewLearner(DemoModel.Create(10).to(device), trainX, trainY, testX, testY, options, progress);
            report.Title($"Fit({options.Epochs}, lr: {Fmt(lr)}) — constant-lr baseline");
            baseline.Fit(options.Epochs, lr, cancellation: cancellation);
            report.Line($"constant-lr baseline test accuracy: {DemoEvaluation.Accuracy(baseline.Model, testX, testY):P2}");
        }

        // 3. FineTune: pretrain on classes 0-4, then fine-tune a new head (and, unfrozen, the body) on classes 5-9.
        if (options.FineTune)
        {
            RunFineTune(options, device, progress, report, trainX, trainY, testX, testY, cancellation);
        }
        report.Line($"wrote {Path.Combine(options.OutputDirectory, "lr_find.png")} and {Path.Combine(options.OutputDirectory, "sched.png")}");
        report.Line($"total time: {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>
    /// Writes the one-cycle fit's schedule: the values it recorded, or, when it trained no batch (<c>--resume</c> of a
    /// checkpoint written at the end of the fit), the learning-rate schedule it followed over all its steps.
    /// </summary>
    private static void WriteSchedulePlot(SchedDsl.Torch.Recorder recorder, Sched? planned, int steps, string path, DemoReport report)
    {
        if (recorder.Hypers.Count > 0)
        {
            recorder.Hypers.ToRecordedSchedule().PlotSchedule(path);
            return;
        }
        report.Line($"the checkpoint holds the finished fit ({recorder.Epochs.Count} epochs): nothing left to train");
        // The planned learning rate as the fit used it (an adaptive one's values depend on metrics the fit did not see again).
        planned?.PlotSchedule(path, steps);
    }

    private static void RunFineTune(DemoOptions options, Device device, ProgressCallback progress, DemoReport report,
        Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, CancellationToken cancellation)
    {
        using var scope = NewDisposeScope();
        var (preX, preY) = DemoEvaluation.Classes(trainX, trainY, 0, 5);
        var (preTestX, preTestY) = DemoEvaluation.Classes(testX, testY, 0, 5);
        var (newX, newY) = DemoEvaluation.Classes(trainX, trainY, 5, 10);
        var (newTestX, newTestY) = DemoEvaluation.Classes(testX, testY, 5, 10);
        manual_seed(options.Seed);
        var pretrainedModel = DemoModel.Create(5).to(device);
        using (var pretrain = NewLearner(pretrainedModel, preX, preY, preTestX, preTestY, options, progress))
        {
            report.Title("pretrain: FitOneCycle(2, 1e-2) on classes 0-4");
            pretrain.FitOneCycle(2, 1e-2, cancellation: cancellation);
            report.Line($"pretrained accuracy on test classes 0-4: {DemoEvaluation.Accuracy(pretrain.Model, preTestX, preTestY):P2}");
        }
        using var tune = NewLearner(DemoModel.WithNewHead(pretrainedModel, 5).to(device), newX, newY, newTestX, newTestY, options, progress);
        report.Title($"FineTune({options.FineTuneEpochs}, baseLr: 2e-3, freezeEpochs: 1) on classes 5-9: frozen phase, then unfrozen");
        var phases = tune.FineTune(options.FineTuneEpochs, baseLr: 2e-3, freezeEpochs: 1, cancellation: cancellation);
        report.Line($"fine-tuned accuracy on test classes 5-9: {DemoEvaluation.Accuracy(tune.Model, newTestX, newTestY):P2}"
            + $" (frozen phase valid accuracy {phases.Frozen!.Epochs[^1].Metrics[0]:P2})");
    }

    /// <summary>The loggers <c>--csv</c> and <c>--tensorboard</c> ask for; they watch the one-cycle fit only, so its file holds one run.</summary>
    private static Callback[] Loggers(DemoOptions options) =>
    [
        .. options.CsvPath is { } csv ? [new CsvLogger(csv)] : Array.Empty<Callback>(),
        .. options.TensorBoardDirectory is { } logDir ? [new TensorBoardLogger(logDir)] : Array.Empty<Callback>(),
        .. options.CheckpointDirectory is { } folder ? [new CheckpointCallback(folder, options.CheckpointEvery)] : Array.Empty<Callback>(),
    ];

    /// <summary>Fashion-MNIST's training images.</summary>
    private const int TrainImages = 60_000;

    /// <summary>--accumulate micro-batches as the learner's samples per update (all batches are full: the demo drops the last).</summary>
    private static int Accumulation(DemoOptions options, int batchesPerEpoch) =>
        options.Accumulate == 1 ? 0
        : options.Accumulate <= batchesPerEpoch ? options.Accumulate * options.BatchSize
        : throw new DemoError($"--accumulate {options.Accumulate} is more than the {batchesPerEpoch} batches of an epoch");

    private static string? ResumePath(DemoOptions options)
    {
        if (options.ResumeDirectory is not { } folder)
        {
            return null;
        }
        var path = Path.Combine(folder, "last.ckpt");
        return File.Exists(path) ? path : throw new DemoError($"--resume {folder}: no last.ckpt there; write one with --checkpoint {folder}");
    }

    private static Learner NewLearner(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, Tensor validX, Tensor validY, DemoOptions options, ProgressCallback progress)
    {
        var train = new TensorBatches(x, y, options.BatchSize, shuffle: true, dropLast: true, seed: options.Seed);
        var valid = new TensorBatches(validX, validY, 512);
        var loss = nn.CrossEntropyLoss();
        var learn = new Learner(model, train, valid, (p, t) => loss.forward(p, t)) { Splitter = Splitters.ByChildren(DemoModel.GroupStarts) };
        learn.Metrics.Add(new Accuracy());
        // In Callbacks rather than one fit's list: the LR finder shows its bar too.
        learn.Callbacks.Add(progress);
        return learn;
    }

    internal static string Fmt(double value) => value.ToString("0.##e0", CultureInfo.InvariantCulture);
}
