using System.Text;

namespace SchedDsl.Experiments;

/// <summary>The prediction study's section of results.md and its picture.</summary>
internal static class PredictionReport
{
    public const string Picture = "prediction.png";

    /// <summary>The study's lines of the run plan: its data and its arms.</summary>
    public static string Plan(Workbench bench)
    {
        var budget = PredictionBudget.For(bench.Budget);
        return new StringBuilder()
            .AppendLine($"- prediction study data: the first {Math.Min(budget.TrainImages, bench.Data.TrainCount)} training images, the first {Math.Min(budget.ValidImages, bench.Data.TestCount)} test images, seeds {string.Join(", ", budget.Seeds)}")
            .AppendLine($"- prediction study: {budget.Epochs} epoch(s) of each of {string.Join(", ", PredictionStudy.Arms.Select(a => a.Name))} at peak lr {Formats.Lr(budget.PeakLr)} (Learner.Fit with the lr schedule alone)")
            .ToString();
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
