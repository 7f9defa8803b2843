using System.Diagnostics;
using SchedDsl.Experiments;
using SchedDsl.Progress;
using SchedDsl.Torch;
using static TorchSharp.torch;

// The seeds' three experiments, issue 20's four and its prediction study on the demo's small CNN and Fashion-MNIST; see docs/results.md.
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
using var anytime = command.Runs(CommandLine.Anytime) ? new AnytimeExperiments(bench) : null;
var plan = RunPlan.Describe(bench, workers, command, anytime);
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

// Phase 1: what the arms start from — each seed's LR finder run and its pretrained model, experiments 4-5's trunks —
// and the fits of experiments 6-7, which need nothing.
var seeds = command.Runs(CommandLine.Seeds);
var finders = new SeedFinder[budget.Seeds.Count];
var firstPhase = (seeds ? budget.Seeds.Select((seed, s) => new Job($"seed {seed}: LrFind(numIt: {budget.LrFindIterations})", lane =>
{
    finders[s] = SeedFinder.Run(bench, seed, lane);
    var suggested = finders[s].Suggestions;
    return $"valley {Formats.Lr(suggested.Valley)}, slide {Formats.Lr(suggested.Slide ?? double.NaN)}, lr_min {Formats.Lr(suggested.LrMin)}, steep {Formats.Lr(suggested.LrSteep)}";
})).Concat(Experiment3FineTune.PretrainJobs(bench)) : []).Concat(anytime?.FirstPhase() ?? []).ToList();

// Phase 2: every arm of every experiment at every seed.
var suggestions = Experiment1LrSuggestions.Outcome.Empty(budget.Seeds.Count);
var schedules = Experiment2Schedules.Empty(budget.Seeds.Count);
var fineTunes = Experiment3FineTune.Empty(budget.Seeds.Count);
var prediction = command.Runs(CommandLine.Prediction);
var predictions = PredictionStudy.Empty(PredictionBudget.For(budget).Seeds.Count);
try
{
    JobQueue.Run(firstPhase, workers, NewLane, Console.Out);
    var secondPhase = (seeds ? Experiment1LrSuggestions.Jobs(bench, finders, suggestions)
        .Concat(Experiment2Schedules.Jobs(bench, finders, schedules))
        .Concat(Experiment3FineTune.Jobs(bench, fineTunes)) : []).Concat(anytime?.SecondPhase() ?? [])
        .Concat(prediction ? PredictionStudy.Jobs(bench, predictions) : []).ToList();
    JobQueue.Run(secondPhase, workers, NewLane, Console.Out);
}
finally
{
    Experiment3FineTune.CleanUp(bench);
    anytime?.CleanUp();
}
Experiment2Schedules.TakeOneCycle(schedules, suggestions.Results[Experiment1LrSuggestions.ValleyIndex]);

var report = new ResultsReport(bench, plan, clock.Elapsed);
var sections = new List<string>();
if (seeds)
{
    sections.Add(ResultsReport.SeedsSections(bench, finders, suggestions, schedules, fineTunes));
}
if (anytime is not null)
{
    sections.Add(anytime.Sections());
}
if (prediction)
{
    sections.Add(PredictionReport.Section(bench, predictions));
}
report.Write(sections);
Console.WriteLine(report.Markdown);
Console.WriteLine($"wrote {report.Path} and the pictures in {command.OutputDirectory}; wall time {clock.Elapsed.TotalMinutes:F1} min");
return 0;
