using System.Diagnostics;
using SchedDsl.Experiments;
using SchedDsl.Torch;
using static TorchSharp.torch;

// The seeds' three experiments on the demo's small CNN and Fashion-MNIST; see docs/results.md.
var command = CommandLine.Parse(args, Console.Error);
if (command is null)
{
    return 2;
}
if (!FashionMnist.IsAvailable())
{
    Console.Error.WriteLine($"error: Fashion-MNIST not found in {FashionMnist.DefaultDirectory}; install Debian's dataset-fashion-mnist (scripts/setup-debian.sh)");
    return 2;
}
// Every core for libtorch's intra-op pool; the seeds run one after another (see docs/results.md for why).
set_num_threads(Environment.ProcessorCount);
var clock = Stopwatch.StartNew();
var budget = command.Budget;
Directory.CreateDirectory(command.OutputDirectory);
using var data = Dataset.Load(budget);
var bench = new Workbench(budget, data, new Learners(budget, () => []), command.OutputDirectory, Console.Out);
var plan = RunPlan.Describe(bench);
Console.WriteLine(plan);

var finders = budget.Seeds.Select(seed =>
{
    bench.Title($"LrFind, seed {seed}");
    return SeedFinder.Run(bench, seed);
}).ToList();
var suggestions = Experiment1LrSuggestions.Run(bench, finders);
var schedules = Experiment2Schedules.Run(bench, finders, suggestions.Results[Experiment1LrSuggestions.ValleyIndex]);
var fineTunes = Experiment3FineTune.Run(bench);

var report = new ResultsReport(bench, plan, clock.Elapsed);
report.Write(finders, suggestions, schedules, fineTunes);
Console.WriteLine(report.Markdown);
Console.WriteLine($"wrote {report.Path} and the pictures in {command.OutputDirectory}; wall time {clock.Elapsed.TotalMinutes:F1} min");
return 0;
