using System.Diagnostics;
using SchedDsl.Experiments;
using SchedDsl.Progress;
using SchedDsl.Torch;
using static TorchSharp.torch;

// The seeds' three experiments on the demo's small CNN and Fashion-MNIST; see docs/results.md.
var command = CommandLine.Parse(args, Console.Error);
if (command is null)
{
    return 2;
}
if (!IdxDatasets.IsAvailable())
{
    Console.Error.WriteLine($"error: Fashion-MNIST not found in {IdxDatasets.DebianFashionMnist}; install Debian's dataset-fashion-mnist (scripts/setup-debian.sh)");
    return 2;
}
var clock = Stopwatch.StartNew();
var budget = command.Budget;
// Every core busy: independent runs on one worker per core, each with one libtorch thread (measured faster than
// one run at a time on every core's intra-op thread; docs/results.md). The numbers do not depend on the worker
// count, but do on libtorch's thread count (float sums in another order): --sequential numbers differ slightly.
var workers = command.Sequential ? 1 : Environment.ProcessorCount;
set_num_threads(command.Sequential ? Environment.ProcessorCount : 1);
Directory.CreateDirectory(command.OutputDirectory);
using var data = Dataset.Load(budget);
using var bench = new Workbench(budget, data, command.OutputDirectory);
var plan = command.Only == "prediction" ? PredictionReport.Plan(bench, workers) : RunPlan.Describe(bench, workers);
Console.WriteLine(plan);
// Lane 0 shows the library's live progress (bar, then fastai's table row per epoch); every lane logs a line per run,
// and every run writes its epochs to history/<run>.csv (appending, so both phases of a fine-tune share one file).
var progress = new ProgressCallback();
var history = Path.Combine(command.OutputDirectory, "history");
if (Directory.Exists(history))
{
    Directory.Delete(history, recursive: true);
}
Lane NewLane(int index, Job job) => new(index, () =>
{
    var csv = new CsvLogger(Path.Combine(history, job.FileName + ".csv"), append: true);
    return index == 0 ? new Callback[] { progress, csv } : [csv];
});
if (command.Only == "prediction")
{
    PredictionReport.RunAlone(bench, plan, workers, NewLane, clock);
    return 0;
}

// Phase 1: what the arms start from — each seed's LR finder run and its pretrained model.
var finders = new SeedFinder[budget.Seeds.Count];
var firstPhase = budget.Seeds.Select((seed, s) => new Job($"seed {seed}: LrFind(numIt: {budget.LrFindIterations})", lane =>
{
    finders[s] = SeedFinder.Run(bench, seed, lane);
    var suggested = finders[s].Suggestions;
    return $"valley {Formats.Lr(suggested.Valley)}, slide {Formats.Lr(suggested.Slide ?? double.NaN)}, lr_min {Formats.Lr(suggested.LrMin)}, steep {Formats.Lr(suggested.LrSteep)}";
})).Concat(Experiment3FineTune.PretrainJobs(bench)).ToList();
JobQueue.Run(firstPhase, workers, NewLane, Console.Out);

// Phase 2: every arm of every experiment at every seed.
var suggestions = Experiment1LrSuggestions.Outcome.Empty(budget.Seeds.Count);
var schedules = Experiment2Schedules.Empty(budget.Seeds.Count);
var fineTunes = Experiment3FineTune.Empty(budget.Seeds.Count);
var predictions = PredictionStudy.Empty(PredictionBudget.For(budget).Seeds.Count);
var secondPhase = Experiment1LrSuggestions.Jobs(bench, finders, suggestions)
    .Concat(Experiment2Schedules.Jobs(bench, finders, schedules))
    .Concat(Experiment3FineTune.Jobs(bench, fineTunes))
    .Concat(PredictionStudy.Jobs(bench, predictions)).ToList();
try
{
    JobQueue.Run(secondPhase, workers, NewLane, Console.Out);
}
finally
{
    Experiment3FineTune.CleanUp(bench);
}
Experiment2Schedules.TakeOneCycle(schedules, suggestions.Results[Experiment1LrSuggestions.ValleyIndex]);

var report = new ResultsReport(bench, plan, clock.Elapsed);
report.Write(finders, suggestions, schedules, fineTunes);
Console.WriteLine(report.Markdown);
var predictionSection = PredictionReport.Section(bench, predictions);
File.AppendAllText(report.Path, "\n" + predictionSection);
Console.WriteLine(predictionSection);
Console.WriteLine($"wrote {report.Path} and the pictures in {command.OutputDirectory}; wall time {clock.Elapsed.TotalMinutes:F1} min");
return 0;
