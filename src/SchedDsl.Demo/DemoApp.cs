using System.CommandLine;
using SchedDsl.Torch;

namespace SchedDsl.Demo;

/// <summary>
/// The demo's command line (<c>dotnet run --project src/SchedDsl.Demo -- [options]</c>): LR finder, one-cycle training
/// and fine-tuning of a small CNN on Fashion-MNIST. Runnable in-process with any output writers (tests use string
/// writers); every mistake is one <c>error:</c> line on stderr and exit code 2.
/// </summary>
internal static class DemoApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Create(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, however many errors System.CommandLine found: the first is the one to fix first.
            await stderr.WriteLineAsync($"error: {ErrorLine.OneLine(parsed.Errors[0].Message)}").ConfigureAwait(false);
            return DemoError.ExitCode;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    private static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var full = new Option<bool>("--full") { Description = "Train on all 60,000 images (default: a 30,000-image subset, about two minutes on 2 cores)." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs of the one-cycle fit.", DefaultValueFactory = _ => 5 };
        var baseline = new Option<bool>("--baseline") { Description = "Also train a constant-lr baseline at the same budget." };
        var noFineTune = new Option<bool>("--no-fine-tune") { Description = "Skip the fine-tune part (pretrain on classes 0-4, fine-tune on 5-9)." };
        var device = new Option<string>("--device") { Description = DemoDevice.Allowed + ".", DefaultValueFactory = _ => "cpu" };
        var output = new Option<string>("--out") { Description = "Folder for sched.png and lr_find.png (created when missing).", DefaultValueFactory = _ => new DemoOptions().OutputDirectory };
        var csv = new Option<string?>("--csv") { Description = "Also write the one-cycle fit's results table to this CSV file (CsvLogger)." };
        var tensorBoard = new Option<string?>("--tensorboard") { Description = "Also log the one-cycle fit to TensorBoard event files in this folder (TensorBoardLogger)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0: TorchSharp's default).", DefaultValueFactory = _ => 2 };
        var trainSamples = new Option<int>("--train-samples") { Description = "Training images used without --full.", DefaultValueFactory = _ => new DemoOptions().TrainSamples };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint the one-cycle fit into this folder (last.ckpt), at each epoch's end and every --checkpoint-every batches." };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Batches between checkpoints; 0 for epoch ends only.", DefaultValueFactory = _ => 0 };
        var resume = new Option<string?>("--resume") { Description = "Resume the one-cycle fit from this folder's last.ckpt (written by --checkpoint), mid-epoch if need be." };
        var clock = new Option<string>("--clock") { Description = "What the one-cycle fit's schedules count: batches, updates or samples.", DefaultValueFactory = _ => "batches" };
        var batchSize = new Option<int>("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => new DemoOptions().BatchSize };
        var accumulate = new Option<int>("--accumulate") { Description = "Micro-batches accumulated into one optimizer update of the one-cycle fit.", DefaultValueFactory = _ => 1 };
        var lr = new Option<double?>("--lr") { Description = "The one-cycle fit's peak learning rate, instead of the LR finder's suggestion." };
        var replan = new Option<string>("--replan") { Description = "How --resume with another --epochs re-plans the fit: stretch, or hold-then-decay (warmup-stable-decay schedules only; one-cycle refuses it).", DefaultValueFactory = _ => "stretch" };
        var lrFindRuns = new Option<int>("--lr-find-runs")
        {
            Description = "Run the LR finder this many times on other data orders, train at the median lr_min, print each suggestion's median and range, and write lr_find_runs.png.",
            DefaultValueFactory = _ => 1,
        };
        var hypersCsv = new Option<string?>("--hypers-csv") { Description = "Write one row per trained batch of the one-cycle fit: step,epoch,samples,pos,lr_<g>,mom_<g>..." };
        var schedule = new Option<string?>("--schedule") { Description = "The one-cycle fit's learning-rate schedule in the text form, planned or metric-driven, e.g. \"plateau(1e-3, factor=0.5, patience=1)\"." };
        var command = new RootCommand("SchedDsl demo: train a small CNN on Fashion-MNIST with LrFind, FitOneCycle and FineTune; write sched.png and lr_find.png.")
        {
            full, epochs, baseline, noFineTune, device, output, csv, tensorBoard, threads, trainSamples, checkpoint, checkpointEvery, resume,
            clock, batchSize, accumulate, lr, hypersCsv, replan, lrFindRuns, schedule,
        };
        command.SetAction((result, cancellation) => Task.FromResult(ErrorLine.Run(stderr, () =>
        {
            var options = new DemoOptions
            {
                Full = result.GetValue(full),
                Epochs = Positive("--epochs", result.GetValue(epochs)),
                Baseline = result.GetValue(baseline),
                FineTune = !result.GetValue(noFineTune),
                Device = result.GetValue(device)!,
                OutputDirectory = result.GetValue(output)!,
                CsvPath = result.GetValue(csv),
                TensorBoardDirectory = result.GetValue(tensorBoard),
                Threads = NonNegative("--threads", result.GetValue(threads)),
                TrainSamples = Positive("--train-samples", result.GetValue(trainSamples)),
                CheckpointDirectory = result.GetValue(checkpoint),
                CheckpointEvery = NonNegative("--checkpoint-every", result.GetValue(checkpointEvery)),
                ResumeDirectory = result.GetValue(resume),
                Clock = Clock(result.GetValue(clock)!),
                BatchSize = Positive("--batch-size", result.GetValue(batchSize)),
                Accumulate = Positive("--accumulate", result.GetValue(accumulate)),
                Lr = PositiveNumber("--lr", result.GetValue(lr)),
                HypersCsvPath = result.GetValue(hypersCsv),
                Replan = Replan(result.GetValue(replan)!),
                LrFindRuns = Positive("--lr-find-runs", result.GetValue(lrFindRuns)),
                Schedule = result.GetValue(schedule) is { } text ? DemoSchedule.Parse(text) : null,
            };
            return DemoCommand.Run(options, stdout, cancellation);
        })));
        return command;
    }

    /// <summary>The clocks the demo offers; epochs is the library's too, but a staircase one-cycle is no demo.</summary>
    private static ClockUnit Clock(string value) => value switch
    {
        "batches" => ClockUnit.Batches,
        "updates" => ClockUnit.Updates,
        "samples" => ClockUnit.Samples,
        "tokens" => throw new DemoError("--clock tokens counts a sequence model's tokens (Learner.TokensPerBatch); the demo trains an image model, which has none: use batches, updates or samples"),
        _ => throw new DemoError($"--clock must be batches, updates or samples, got '{value}'"),
    };

    private static ReplanPolicy Replan(string value) => value switch
    {
        "stretch" => ReplanPolicy.Stretch,
        "hold-then-decay" => ReplanPolicy.HoldThenDecay,
        _ => throw new DemoError($"--replan must be stretch or hold-then-decay, got '{value}'"),
    };

    private static double? PositiveNumber(string option, double? value) =>
        value is not { } v || (v > 0 && double.IsFinite(v)) ? value : throw new DemoError($"{option} must be a finite number > 0, got {v}");

    private static int NonNegative(string option, int value) =>
        value >= 0 ? value : throw new DemoError($"{option} must be >= 0, got {value}");

    private static int Positive(string option, int value) =>
        value >= 1 ? value : throw new DemoError($"{option} must be >= 1, got {value}");
}
