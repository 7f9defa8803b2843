using System.Text;

namespace SchedDsl.Experiments;

/// <summary>The prediction study's section of results.md and its picture.</summary>
internal static class PredictionReport
{
    public const string Picture = "prediction.png";

    /// <summary>What <c>--only prediction</c> runs, said before it runs and repeated in the results.</summary>
    public static string Plan(Workbench bench, int workers)
    {
        var budget = PredictionBudget.For(bench.Budget);
        return new StringBuilder()
            .AppendLine($"- budget: {bench.Budget.Name}; seeds {string.Join(", ", budget.Seeds)}; batch size {bench.Budget.BatchSize}; optimizer AdamW (wd 0.01), the library's defaults")
            .AppendLine($"- data: Fashion-MNIST, the first {Math.Min(budget.TrainImages, bench.Data.TrainCount)} training images, the first {Math.Min(budget.ValidImages, bench.Data.TestCount)} test images as the validation set")
            .AppendLine($"- prediction study: {budget.Epochs} epoch(s) of each of {string.Join(", ", PredictionStudy.Arms.Select(a => a.Name))} at peak lr {Formats.Lr(budget.PeakLr)} (Learner.Fit with the lr schedule alone)")
            .AppendLine($"- machine: {MachineInfo.Describe()}")
            .AppendLine($"- parallelism: {workers} run(s) at a time, {TorchSharp.torch.get_num_threads()} libtorch thread(s) each")
            .AppendLine("- per-epoch numbers of every run: history/<run>.csv (CsvLogger)")
            .ToString();
    }

    /// <summary><c>--only prediction</c>: the study's runs alone, then results.md with the plan and its section.</summary>
    public static void RunAlone(Workbench bench, string plan, int workers, Func<int, Job, Lane> lane, System.Diagnostics.Stopwatch clock)
    {
        var runs = PredictionStudy.Empty(PredictionBudget.For(bench.Budget).Seeds.Count);
        JobQueue.Run([.. PredictionStudy.Jobs(bench, runs)], workers, lane, Console.Out);
        var section = Section(bench, runs);
        var text = $"# Prediction study ({bench.Budget.Name} budget)\n\n{plan}- wall time: {clock.Elapsed.TotalMinutes:F1} min\n\n{section}";
        var path = bench.Output("results.md");
        File.WriteAllText(path, text);
        Console.WriteLine(text);
        Console.WriteLine($"wrote {path} and {Picture} in {bench.OutputDirectory}; wall time {clock.Elapsed.TotalMinutes:F1} min");
    }

    public static string Section(Workbench bench, PredictionStudy.Run[][] runs)
    {
        var outcomes = PredictionStudy.Analyse(bench, runs);
        var budget = PredictionBudget.For(bench.Budget);
        var steps = runs[0].FirstOrDefault(r => r.Losses is not null)?.Lrs.Length ?? 0;
        var firstStep = PredictionBudget.FirstStep(Math.Max(1, steps));
        PredictionPlot.Save(bench.Output(Picture), runs, outcomes[0], 0, firstStep);
        return new StringBuilder()
            .AppendLine("## Loss prediction from schedules (Tissue et al. 2024)").AppendLine()
            .AppendLine($"{budget.Epochs} epoch(s) per run ({steps} steps), peak lr {Formats.Lr(budget.PeakLr)}; the law fitted to each seed's constant and cosine runs from step {firstStep} on; "
                + $"errors over steps {firstStep}–{steps} ({CurveError.Windows} window means), final loss = mean of the last {CurveError.FinalFraction:P0} of steps.").AppendLine()
            .AppendLine(PredictionStudy.Table(outcomes))
            .AppendLine(PredictionStudy.Fits(outcomes))
            .AppendLine($"![measured training loss vs the law's fitted and predicted curves, and the learning rates]({Picture})")
            .ToString();
    }
}
